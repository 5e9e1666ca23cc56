def sync_inventory(updates: list, api) -> dict:
    result = {"updated": [], "unknown": [], "failed": []}

    for update in updates:
        sku = update["sku"]
        try:
            api.set_stock(sku, update["quantity"])
        except PermissionError:
            raise
        except KeyError:
            result["unknown"].append(sku)
            continue
        except Exception as e:
            result["failed"].append({"sku": sku, "error": str(e)})
            continue
        result["updated"].append(sku)

    return result
