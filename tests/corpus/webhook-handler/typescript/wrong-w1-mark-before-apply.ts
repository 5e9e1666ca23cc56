// A stranger's almost-right solution (written blind from the prompt), one planted bug:
// Line 36 marks the event processed before store.apply runs, so an event whose apply throws is already recorded as processed.
export interface EventStore {
  has(eventId: string): boolean;
  markProcessed(eventId: string): void;
  apply(type: string, payload: unknown): void;
}

export interface WebhookResult {
  status: number;
  code: string;
  message?: string;
}

const KNOWN_TYPES: ReadonlySet<string> = new Set([
  'invoice.paid',
  'invoice.failed',
  'customer.deleted',
]);

export function handleWebhook(event: unknown, store: EventStore): WebhookResult {
  if (typeof event !== 'object' || event === null) {
    return { status: 400, code: 'MISSING_ID' };
  }
  const { id, type, payload } = event as { id?: unknown; type?: unknown; payload?: unknown };

  if (typeof id !== 'string' || id.length === 0) {
    return { status: 400, code: 'MISSING_ID' };
  }
  if (typeof type !== 'string' || !KNOWN_TYPES.has(type)) {
    return { status: 422, code: 'UNKNOWN_TYPE' };
  }
  if (store.has(id)) {
    return { status: 200, code: 'DUPLICATE' };
  }

  try {
    store.markProcessed(id);
    store.apply(type, payload);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    return { status: 500, code: 'HANDLER_ERROR', message };
  }
  return { status: 200, code: 'PROCESSED' };
}
