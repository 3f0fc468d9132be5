/** Messages between the pool and its children. */

/** Parent → child: one task. */
export interface Task<Req> {
  id: number;
  payload: Req;
}

/**
 * Child → parent: `ack` when a task is taken (a child that dies before it did not run the task,
 * so the task is sent again), then the answer. `retire`: the child met a fault and is leaving.
 */
export type Reply<Res> =
  | { id: number; ack: true }
  | { id: number; ok: true; result: Res; retire?: boolean }
  | { id: number; ok: false; code: string; message: string; retire?: boolean };
