import { useRequestContext } from 'hono/jsx-renderer';
import type { AppEnv } from '../../http/types.ts';

/** The translator of the current request, for components and pages. */
export const useT = () => useRequestContext<AppEnv>().get('t');
