import { Hono } from 'hono';
import { findClubMatch } from '../../domain/catalog/find-club-match.ts';
import { matchTitle } from '../../domain/catalog/match-title.ts';
import { countEntriesPerMinute } from '../../domain/checkin/count-entries-per-minute.ts';
import { listGateEvents } from '../../domain/checkin/list-gate-events.ts';
import { listMatchScans } from '../../domain/checkin/list-match-scans.ts';
import { listScanConflicts } from '../../domain/checkin/list-scan-conflicts.ts';
import { REFUSAL_REASONS, summarizeAttendance } from '../../domain/checkin/summarize-attendance.ts';
import { describeGateHealth } from '../../domain/devices/describe-gate-health.ts';
import { listDevices } from '../../domain/devices/list-devices.ts';
import { toBrusselsLocal } from '../../domain/time.ts';
import { render } from '../../views/layouts/layout.tsx';
import { AttendancePage } from '../../views/pages/club/attendance-page.tsx';
import { sendCsv } from '../csv.ts';
import { requireClub } from '../middleware/access.ts';
import type { AppEnv } from '../types.ts';

/** Who is in, per stand, and what was refused: for the club on match day (stewards included). */
const watch = requireClub({ checkin: ['scan'] });

export const attendanceRoutes = new Hono<AppEnv>()
  .get('/:slug/matches/:matchId/attendance', watch, async (c) => {
    const { club } = c.get('membership');
    const { db } = c.get('deps');
    const m = await findClubMatch(db, club.id, c.req.param('matchId'));
    const [a, entries, conflicts, passages, devices] = await Promise.all([
      summarizeAttendance(db, club.id, m.id),
      countEntriesPerMinute(db, club.id, m.id),
      listScanConflicts(db, club.id, m.id),
      listGateEvents(db, club.id, m.id),
      listDevices(db, club.id),
    ]);
    // Gates with something to say, on match day: a silent gate, a sonar down, scans not uploaded.
    const gates = devices
      .filter((d) => d.kind === 'gate' && !d.inactive)
      .map((d) => ({ name: d.name, described: describeGateHealth(d) }))
      .filter((g) => g.described && g.described.problems.length > 0);
    const title = matchTitle(m.isHome, club.name, m.opponentName);
    c.header('Cache-Control', 'no-store');
    return render(
      c,
      <AttendancePage
        club={club}
        match={m}
        title={title}
        attendance={a}
        refusalReasons={REFUSAL_REASONS}
        entries={entries}
        conflicts={conflicts}
        passages={passages}
        gates={gates}
      />,
      { title: c.get('t')('attendance.title') },
    );
  })
  .get('/:slug/matches/:matchId/attendance.csv', watch, async (c) => {
    const { club } = c.get('membership');
    const { db } = c.get('deps');
    const m = await findClubMatch(db, club.id, c.req.param('matchId'));
    const scans = await listMatchScans(db, club.id, m.id);
    return sendCsv(c, `${club.slug}-${toBrusselsLocal(m.kickoffAt).slice(0, 10)}-scans.csv`, [
      [
        'scanned_at_brussels',
        'device',
        'direction',
        'method',
        'result',
        'ticket_id',
        'stand',
        'category',
        'order_reference',
        'buyer',
        'email',
      ],
      ...scans.map((s) => [
        toBrusselsLocal(s.scannedAt),
        s.device,
        s.direction, // in, or out where the match allows re-entry
        s.method, // qr, typed (the short code), search (found by name or reference)
        s.result,
        s.ticketId,
        s.stand,
        s.category,
        s.orderReference,
        s.buyer,
        s.email,
      ]),
    ]);
  });
