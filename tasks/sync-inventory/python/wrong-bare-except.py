def sync_inventory(updates: list, api) -> dict:
    updated, unknown, failed = [], [], []
    for update in updates:
        sku = update.get("sku")
        try:
            api.set_stock(sku, update.get("quantity"))
            updated.append(sku)
        except PermissionError:
            raise
        except LookupError:
            unknown.append(sku)
        except:  # noqa: E722
            failed.append({"sku": sku, "error": "update failed"})
    return {"updated": updated, "unknown": unknown, "failed": failed}
