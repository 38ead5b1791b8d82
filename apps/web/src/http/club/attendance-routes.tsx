import { Hono } from 'hono';
import { findClubMatch } from '../../domain/catalog/find-club-match.ts';
import { REFUSAL_REASONS, summarizeAttendance } from '../../domain/checkin/summarize-attendance.ts';
import { render } from '../../views/layouts/layout.tsx';
import { requireClub } from '../middleware/access.ts';
import type { AppEnv } from '../types.ts';

/** Who is in, per stand, and what was refused: for the club on match day (stewards included). */
export const attendanceRoutes = new Hono<AppEnv>().get(
  '/:slug/matches/:matchId/attendance',
  requireClub({ checkin: ['scan'] }),
  async (c) => {
    const t = c.get('t');
    const { club } = c.get('membership');
    const { db } = c.get('deps');
    const m = await findClubMatch(db, club.id, c.req.param('matchId'));
    const a = await summarizeAttendance(db, club.id, m.id);
    const title = m.isHome ? `${club.name} – ${m.opponentName}` : `${m.opponentName} – ${club.name}`;
    c.header('Cache-Control', 'no-store');
    return render(
      c,
      <>
        <h1>
          {t('attendance.title')} · {title}
        </h1>
        <p class="hint">{t('attendance.liveHint')}</p>
        <div id="attendance" data-live="5" aria-live="polite">
          <section class="card table-wrap">
            <h2>{t('attendance.summary', { admitted: a.admitted, sold: a.sold })}</h2>
            {a.stands.length === 0 ? (
              <p>{t('attendance.empty')}</p>
            ) : (
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t('attendance.stand')}</th>
                    <th scope="col">{t('attendance.sold')}</th>
                    <th scope="col">{t('attendance.admitted')}</th>
                  </tr>
                </thead>
                <tbody>
                  {a.stands.map((s) => (
                    <tr data-stand={s.name}>
                      <th scope="row">{s.name}</th>
                      <td>{s.sold}</td>
                      <td>{s.admitted}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
          <section class="card table-wrap">
            <h2>{t('attendance.refusedTitle')}</h2>
            {a.refusedTotal === 0 ? (
              <p>{t('attendance.refusedNone')}</p>
            ) : (
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t('attendance.reason')}</th>
                    <th scope="col">{t('attendance.scans')}</th>
                  </tr>
                </thead>
                <tbody>
                  {REFUSAL_REASONS.filter((r) => a.refused[r] > 0).map((r) => (
                    <tr data-reason={r}>
                      <th scope="row">{t(`scanResult.${r}`)}</th>
                      <td>{a.refused[r]}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
        </div>
        <script type="module" src="/assets/live-refresh.js" />
      </>,
      { title: t('attendance.title') },
    );
  },
);
