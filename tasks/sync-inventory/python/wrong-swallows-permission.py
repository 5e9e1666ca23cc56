def sync_inventory(updates: list, api) -> dict:
    result = {"updated": [], "unknown": [], "failed": []}
    for item in updates:
        try:
            api.set_stock(item["sku"], item["quantity"])
            result["updated"].append(item["sku"])
        except (KeyError, LookupError):
            result["unknown"].append(item["sku"])
        except Exception as e:
            result["failed"].append({"sku": item["sku"], "error": str(e)})
    return result
