def sync_inventory(updates: list, api) -> dict:
    updated, unknown, failed = [], [], []
    for update in updates:
        sku = update["sku"]
        try:
            api.set_stock(sku, update["quantity"])
        except PermissionError:
            raise
        except LookupError:
            unknown.append(sku)
        except Exception as error:
            failed.append({"sku": sku, "error": str(error)})
        else:
            updated.append(sku)
    return {"updated": updated, "unknown": unknown, "failed": failed}
