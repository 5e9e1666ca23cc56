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

const EVENT_TYPES = ["invoice.paid", "invoice.failed", "customer.deleted"] as const;
type EventType = (typeof EVENT_TYPES)[number];

interface WebhookEvent {
  id: string;
  type: unknown;
  payload: unknown;
}

const RESULTS = {
  missingId: { status: 400, code: "MISSING_ID" },
  unknownType: { status: 422, code: "UNKNOWN_TYPE" },
  duplicate: { status: 200, code: "DUPLICATE" },
  processed: { status: 200, code: "PROCESSED" },
} satisfies Record<string, WebhookResult>;

function hasValidId(value: unknown): value is WebhookEvent {
  if (typeof value !== "object" || value === null) return false;
  const id = (value as Record<string, unknown>).id;
  return typeof id === "string" && id !== "";
}

function isEventType(value: unknown): value is EventType {
  return typeof value === "string" && (EVENT_TYPES as readonly string[]).indexOf(value) !== -1;
}

function errorMessage(err: unknown): string {
  if (err instanceof Error) return err.message;
  if (typeof err === "object" && err !== null && typeof (err as { message?: unknown }).message === "string") {
    return (err as { message: string }).message;
  }
  return String(err);
}

export function handleWebhook(event: unknown, store: EventStore): WebhookResult {
  if (!hasValidId(event)) return { ...RESULTS.missingId };

  const { id, type, payload } = event;
  if (!isEventType(type)) return { ...RESULTS.unknownType };
  if (store.has(id)) return { ...RESULTS.duplicate };

  let failure: WebhookResult | undefined;
  try {
    store.apply(type, payload);
  } catch (err) {
    failure = { status: 500, code: "HANDLER_ERROR", message: errorMessage(err) };
  }
  if (failure) return failure;

  store.markProcessed(id);
  return { ...RESULTS.processed };
}
