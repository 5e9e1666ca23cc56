from dataclasses import dataclass, field, asdict


@dataclass
class _SyncReport:
    updated: list = field(default_factory=list)
    unknown: list = field(default_factory=list)
    failed: list = field(default_factory=list)


def _push_one(api, sku, quantity, report):
    try:
        api.set_stock(sku, quantity)
    except PermissionError:
        raise
    except Exception as exc:
        if isinstance(exc, LookupError):
            report.unknown.append(sku)
        else:
            report.failed.append({"sku": sku, "error": str(exc)})
    else:
        report.updated.append(sku)


def sync_inventory(updates: list, api) -> dict:
    report = _SyncReport()
    for item in updates:
        _push_one(api, item["sku"], item["quantity"], report)
    return asdict(report)
