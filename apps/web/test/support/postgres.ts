export const PG_HOST = process.env.TEST_PG_HOST ?? '127.0.0.1';
export const ADMIN_URL = `postgres://postgres@${PG_HOST}:5432/postgres`;
export const databaseUrl = (name: string) => `postgres://postgres@${PG_HOST}:5432/${name}`;
