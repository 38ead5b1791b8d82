// The "which match?" screen: the matches this device may admit for, then the stands of the one chosen.
import type { MatchesResponse } from '@footarena/gate-protocol';
import { formatDateTime } from '../../i18n/formats.ts';
import { $, type Say } from './page.ts';

/** Fills the two lists, preselecting the match and stand scanned last when they are still offered. */
export function fillMatchChoice(matches: MatchesResponse['matches'], last: { matchId: string | null; standId: string }, say: Say) {
  const select = $<HTMLSelectElement>('match-select');
  select.replaceChildren(
    ...matches.map((m) => new Option(`${m.title} · ${formatDateTime(new Date(m.kickoffAt), document.documentElement.lang)}`, m.id)),
  );
  if (last.matchId && matches.some((m) => m.id === last.matchId)) select.value = last.matchId;
  $('match-none').hidden = matches.length > 0;
  $<HTMLButtonElement>('match-start').disabled = matches.length === 0;
  const fillStands = () => {
    const stands = matches.find((m) => m.id === select.value)?.stands ?? [];
    const standSelect = $<HTMLSelectElement>('stand-select');
    standSelect.replaceChildren(new Option(say('scanner.allStands'), ''), ...stands.map((s) => new Option(s.name, s.id)));
    standSelect.value = stands.some((s) => s.id === last.standId) ? last.standId : '';
  };
  select.onchange = fillStands;
  fillStands();
}
