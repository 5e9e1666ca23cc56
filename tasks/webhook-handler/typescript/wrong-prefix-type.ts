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

export function handleWebhook(event: any, store: EventStore): WebhookResult {
  if (!event?.id) {
    return { status: 400, code: 'MISSING_ID' };
  }
  const type: string = String(event.type || '');
  if (!type.startsWith('invoice.') && !type.startsWith('customer.')) {
    return { status: 422, code: 'UNKNOWN_TYPE' };
  }
  if (store.has(event.id)) {
    return { status: 200, code: 'DUPLICATE' };
  }
  try {
    store.apply(type, event.payload);
    store.markProcessed(event.id);
    return { status: 200, code: 'PROCESSED' };
  } catch (e) {
    return { status: 500, code: 'HANDLER_ERROR', message: (e as Error).message };
  }
}
