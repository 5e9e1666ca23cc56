def sync_inventory(updates: list, api) -> dict:
    updated = []
    unknown = []
    failed = []

    for update in updates:
        sku = update["sku"]
        quantity = update["quantity"]
        try:
            api.set_stock(sku, quantity)
        except LookupError:
            unknown.append(sku)
        except Exception as exc:
            failed.append({"sku": sku, "error": str(exc)})
        except PermissionError:
            raise
        else:
            updated.append(sku)

    return {"updated": updated, "unknown": unknown, "failed": failed}
