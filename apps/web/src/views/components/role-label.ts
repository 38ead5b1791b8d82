import type { MessageKey, Translate } from '../../i18n/index.ts';

const ROLE_LABEL: Record<string, MessageKey> = { owner: 'role.owner', admin: 'role.admin', steward: 'role.steward' };

/** A staff role in the reader's words; a role the app does not know is shown as it is stored. */
export function roleLabel(t: Translate, role: string | null) {
  const key = role ? ROLE_LABEL[role] : undefined;
  return key ? t(key) : (role ?? '');
}
