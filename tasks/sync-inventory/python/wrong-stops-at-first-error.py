def sync_inventory(updates: list, api) -> dict:
    updated = []
    unknown = []
    failed = []
    try:
        for update in updates:
            api.set_stock(update["sku"], update["quantity"])
            updated.append(update["sku"])
    except PermissionError:
        raise
    except LookupError:
        unknown.append(update["sku"])
    except Exception as e:
        failed.append({"sku": update["sku"], "error": str(e)})
    return {"updated": updated, "unknown": unknown, "failed": failed}
