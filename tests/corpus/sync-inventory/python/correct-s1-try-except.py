def sync_inventory(updates: list, api) -> dict:
    updated = []
    unknown = []
    failed = []

    for update in updates:
        sku = update["sku"]
        quantity = update["quantity"]
        try:
            api.set_stock(sku, quantity)
        except PermissionError:
            raise
        except LookupError:
            unknown.append(sku)
            continue
        except Exception as exc:
            failed.append({"sku": sku, "error": str(exc)})
            continue
        updated.append(sku)

    return {"updated": updated, "unknown": unknown, "failed": failed}
