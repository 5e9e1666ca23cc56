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

const ALLOWED_TYPES = ['invoice.paid', 'invoice.failed', 'customer.deleted'];

export function handleWebhook(event: any, store: EventStore): WebhookResult {
  if (!event || typeof event.id !== 'string' || event.id.length === 0) {
    return { status: 400, code: 'MISSING_ID' };
  }
  if (!ALLOWED_TYPES.includes(event.type)) {
    return { status: 422, code: 'UNKNOWN_TYPE' };
  }
  if (store.has(event.id)) {
    return { status: 200, code: 'DUPLICATE' };
  }
  store.markProcessed(event.id);
  try {
    store.apply(event.type, event.payload);
    return { status: 200, code: 'PROCESSED' };
  } catch (err: any) {
    return { status: 500, code: 'HANDLER_ERROR', message: err.message };
  }
}
