// The counters under the camera: admitted of expected, for the match and per stand.
import type { Attendance } from './match-data.ts';
import type { Say } from './page.ts';

export function renderCounters(counters: HTMLElement, attendance: Attendance | null | undefined, say: Say) {
  if (!attendance) {
    counters.textContent = say('scanner.noCounters');
    return;
  }
  const rows = attendance.stands.map((s) => {
    const li = document.createElement('li');
    li.textContent = say('scanner.standCount', { stand: s.name, admitted: s.admitted, expected: s.expected });
    return li;
  });
  const total = document.createElement('p');
  total.textContent = say('scanner.total', { admitted: attendance.admitted, expected: attendance.expected });
  // Re-entry: some went out; who is in now is what the steward watches.
  if (attendance.inside !== undefined && attendance.inside !== attendance.admitted)
    total.textContent += ` · ${say('scanner.inside', { inside: attendance.inside })}`;
  const list = document.createElement('ul');
  list.replaceChildren(...rows);
  counters.replaceChildren(total, list);
}
