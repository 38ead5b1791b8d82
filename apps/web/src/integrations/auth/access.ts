import { createAccessControl } from 'better-auth/plugins/access';
import { defaultStatements } from 'better-auth/plugins/organization/access';

// What each club role may do. The organization plugin enforces it on its own calls (invite, remove,
// change role); the club routes ask the same roles through `can`, so there is one source of truth.
const statements = {
  ...defaultStatements,
  club: ['update'],
  catalog: ['manage'],
  sales: ['read', 'refund'],
  checkin: ['scan'],
} as const;

export const ac = createAccessControl(statements);

const allClub = {
  club: ['update'],
  catalog: ['manage'],
  sales: ['read', 'refund'],
  checkin: ['scan'],
} as const;

export const roles = {
  owner: ac.newRole({
    ...allClub,
    organization: ['update', 'delete'],
    member: ['create', 'update', 'delete'],
    invitation: ['create', 'cancel'],
  }),
  admin: ac.newRole({
    ...allClub,
    organization: ['update'],
    member: ['create', 'update', 'delete'],
    invitation: ['create', 'cancel'],
  }),
  steward: ac.newRole({ checkin: ['scan'] }),
};

export type ClubRole = keyof typeof roles;
export const CLUB_ROLES = Object.keys(roles) as ClubRole[];
export const INVITABLE_ROLES = ['admin', 'steward'] as const satisfies readonly ClubRole[];

type Statements = typeof statements;
export type Permission = { [K in keyof Statements]?: Statements[K][number][] };

export function isClubRole(value: string): value is ClubRole {
  return value in roles;
}

export function can(role: string, permission: Permission): boolean {
  return isClubRole(role) && roles[role].authorize(permission).success;
}
