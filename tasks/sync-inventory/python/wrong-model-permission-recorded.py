# Written by the embedded model (Qwen2.5-Coder 0.5B, greedy; an unused `import requests` removed):
# a PermissionError is recorded and the loop broken instead of propagating, and failures are
# recorded as loose strings without their message.
def sync_inventory(updates: list, api) -> dict:
    failed = []
    unknown = []
    updated = []

    for update in updates:
        try:
            # Call the API to set stock
            api.set_stock(update['sku'], update['quantity'])
            updated.append(update['sku'])
        except LookupError:
            # Record the SKU as unknown
            unknown.append(update['sku'])
        except PermissionError:
            # Record the credentials as wrong
            failed.append(update['sku'])
            break
        except Exception as e:
            # Record the error
            failed.append(update['sku'])
            failed.append(str(e))

    return {"updated": updated, "unknown": unknown, "failed": failed}
