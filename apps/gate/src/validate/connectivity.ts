/** Whether the gate's last call to the server went through, since when, and the last problem in words. */
export class Connectivity {
  online = false;
  since = new Date();
  lastError: string | null = null;

  constructor(private readonly now: () => Date = () => new Date()) {}

  up() {
    if (!this.online) [this.online, this.since] = [true, this.now()];
  }

  down(problem: string) {
    if (this.online) [this.online, this.since] = [false, this.now()];
    this.lastError = problem;
  }

  /** A problem that is not the network's (the server refused something): reported, online all the same. */
  problem(problem: string) {
    this.lastError = problem;
  }
}
