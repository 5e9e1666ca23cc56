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

type EventType = "invoice.paid" | "invoice.failed" | "customer.deleted";

const EVENT_TYPES: readonly EventType[] = ["invoice.paid", "invoice.failed", "customer.deleted"];

function isEventType(value: unknown): value is EventType {
  return typeof value === "string" && (EVENT_TYPES as readonly string[]).includes(value);
}

export function handleWebhook(event: unknown, store: EventStore): WebhookResult {
  if (typeof event !== "object") {
    return { status: 400, code: "MISSING_ID" };
  }
  const evt = event as Record<string, unknown>;

  const id = evt.id;
  if (typeof id !== "string" || id === "") {
    return { status: 400, code: "MISSING_ID" };
  }

  const type = evt.type;
  if (!isEventType(type)) {
    return { status: 422, code: "UNKNOWN_TYPE" };
  }

  if (store.has(id)) {
    return { status: 200, code: "DUPLICATE" };
  }

  try {
    store.apply(type, evt.payload);
  } catch (e) {
    return {
      status: 500,
      code: "HANDLER_ERROR",
      message: e instanceof Error ? e.message : String(e),
    };
  }

  store.markProcessed(id);
  return { status: 200, code: "PROCESSED" };
}
