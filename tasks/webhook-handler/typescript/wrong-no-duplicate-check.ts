interface EventStore {
  has(eventId: string): boolean;
  markProcessed(eventId: string): void;
  apply(type: string, payload: unknown): void;
}

type EventType = 'invoice.paid' | 'invoice.failed' | 'customer.deleted';

interface WebhookEvent {
  id: string;
  type: EventType;
  payload: unknown;
}

export function handleWebhook(event: unknown, store: EventStore): { status: number; code: string; message?: string } {
  const e = event as WebhookEvent;
  if (!e || typeof e.id !== 'string' || e.id === '') {
    return { status: 400, code: 'MISSING_ID' };
  }
  switch (e.type) {
    case 'invoice.paid':
    case 'invoice.failed':
    case 'customer.deleted':
      break;
    default:
      return { status: 422, code: 'UNKNOWN_TYPE' };
  }
  try {
    store.apply(e.type, e.payload);
  } catch (error) {
    return { status: 500, code: 'HANDLER_ERROR', message: (error as Error).message };
  }
  store.markProcessed(e.id);
  return { status: 200, code: 'PROCESSED' };
}
