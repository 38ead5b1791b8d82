import { isAPIError } from 'better-auth/api';
import type { Context } from 'hono';
import { recordActivity } from '../../domain/activity/record-activity.ts';
import type { MessageKey } from '../../i18n/index.ts';
import { redirectWithFlash } from '../middleware/flash.ts';
import { actorOf } from '../operation.ts';
import type { AppEnv } from '../types.ts';

// better-auth's organization errors that a person can cause, in words they understand.
const ORG_ERRORS: Record<string, MessageKey> = {
  USER_IS_ALREADY_A_MEMBER_OF_THIS_ORGANIZATION: 'staff.alreadyMember',
  YOU_CANNOT_LEAVE_THE_ORGANIZATION_AS_THE_ONLY_OWNER: 'staff.lastOwner',
  YOU_CANNOT_LEAVE_THE_ORGANIZATION_WITHOUT_AN_OWNER: 'staff.lastOwner',
  EMAIL_VERIFICATION_REQUIRED_BEFORE_ACCEPTING_OR_REJECTING_INVITATION: 'invitation.verifyFirst',
  YOU_ARE_NOT_THE_RECIPIENT_OF_THE_INVITATION: 'error.notFound',
  INVITATION_NOT_FOUND: 'error.notFound',
};

/**
 * One call to better-auth's organization API (which writes staff changes itself, decision 003), then,
 * only if it succeeded, the club's activity line for it (decision 013).
 */
export async function orgCall(
  c: Context<AppEnv>,
  back: string,
  call: () => Promise<unknown>,
  done: MessageKey,
  logged?: Omit<Parameters<typeof recordActivity>[1], 'actor'>,
) {
  const t = c.get('t');
  try {
    await call();
  } catch (error) {
    if (!isAPIError(error)) throw error;
    const key = ORG_ERRORS[String(error.body?.code)] ?? (error.statusCode === 403 ? 'error.forbidden' : 'error.generic');
    return redirectWithFlash(c, back, 'error', t(key));
  }
  if (logged) await c.get('deps').db.transaction((tx) => recordActivity(tx, { ...logged, actor: actorOf(c) }));
  return redirectWithFlash(c, back, 'success', t(done));
}
