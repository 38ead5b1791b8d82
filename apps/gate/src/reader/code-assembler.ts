// Puts a code together from the characters a reader sends, for both kinds of reader: a terminator ends it,
// a pause longer than a reader ever makes between two characters of one code drops what came before
// (half a code, from a scan cut short or a key pressed by hand), and too long a run is no code at all.

export interface CodeAssembler {
  /** One character, `atMs` on any clock that does not jump. */
  char(char: string, atMs: number): void;
  /** The terminator (Enter, CR or LF): gives the code, if any. */
  end(atMs: number): void;
  /** Characters were lost: nothing until the next terminator is a code. */
  drop(): void;
}

export interface AssemblerOptions {
  gapMs?: number;
  maxLength?: number;
}

export function createCodeAssembler(
  onCode: (code: string) => void,
  { gapMs = 300, maxLength = 512 }: AssemblerOptions = {},
): CodeAssembler {
  let chars: string[] = [];
  let skipping = false;
  let last: number | undefined;

  const startOver = () => {
    chars = [];
    skipping = false;
  };
  const tick = (atMs: number) => {
    if (last !== undefined && atMs - last > gapMs) startOver();
    last = atMs;
  };

  return {
    char(char, atMs) {
      tick(atMs);
      if (skipping) return;
      if (chars.length >= maxLength) {
        chars = [];
        skipping = true;
        return;
      }
      chars.push(char);
    },
    end(atMs) {
      tick(atMs);
      if (!skipping && chars.length) onCode(chars.join(''));
      startOver();
    },
    drop() {
      chars = [];
      skipping = true;
    },
  };
}
