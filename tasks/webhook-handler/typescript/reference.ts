interface EventStore {
  has(eventId: string): boolean;
  markProcessed(eventId: string): void;
  apply(type: string, payload: unknown): void;
}

interface WebhookResult {
  status: number;
  code: string;
  message?: string;
}

const EVENT_TYPES: ReadonlySet<string> = new Set(['invoice.paid', 'invoice.failed', 'customer.deleted']);

export function handleWebhook(event: unknown, store: EventStore): WebhookResult {
  if (event === null || typeof event !== 'object') {
    return { status: 400, code: 'MISSING_ID' };
  }
  const { id, type, payload } = event as { id?: unknown; type?: unknown; payload?: unknown };
  if (typeof id !== 'string' || id === '') {
    return { status: 400, code: 'MISSING_ID' };
  }
  if (typeof type !== 'string' || !EVENT_TYPES.has(type)) {
    return { status: 422, code: 'UNKNOWN_TYPE' };
  }
  if (store.has(id)) {
    return { status: 200, code: 'DUPLICATE' };
  }
  try {
    store.apply(type, payload);
  } catch (error) {
    return { status: 500, code: 'HANDLER_ERROR', message: error instanceof Error ? error.message : String(error) };
  }
  store.markProcessed(id);
  return { status: 200, code: 'PROCESSED' };
}
