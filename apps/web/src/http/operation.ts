import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { Person } from '../domain/activity/record-activity.ts';
import type { OperationContext } from '../domain/context.ts';
import type { AppEnv } from './types.ts';

/** The signed-in person as the actor of an operation, named as they are now (the log keeps that name). */
export function actorOf(c: Context<AppEnv>): Person {
  const user = c.get('user');
  if (!user) throw new HTTPException(401); // every route that acts sits behind requireUser or requireClub
  return { userId: user.id, name: user.name };
}

/** What the domain's operations need besides the executor and their input, from the app's parts. */
export function operationContext(c: Context<AppEnv>): OperationContext {
  const { outbox, payments, config } = c.get('deps');
  return { outbox, payments, config: config.sales, baseURL: config.baseURL };
}
