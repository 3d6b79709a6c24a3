# Online Retail -> purchases CSV for recsys ingest: rows with a customer, positive quantity,
# not a cancellation ("C" invoices) and not a non-product code; one row per invoice line item
# (quantities of repeated lines summed); ISO-8601 UTC times.
import csv, sys
NON_PRODUCT = {"POST", "D", "M", "m", "C2", "DOT", "BANK CHARGES", "AMAZONFEE", "CRUK", "PADS", "S", "B"}
lines = {}
with open(sys.argv[1], newline="", encoding="utf-8") as f:
    for r in csv.DictReader(f):
        if not r["CustomerID"] or r["InvoiceNo"].startswith("C") or r["StockCode"] in NON_PRODUCT:
            continue
        q = int(r["Quantity"])
        if q <= 0:
            continue
        key = (r["InvoiceNo"], r["CustomerID"], r["StockCode"])
        t = r["InvoiceDate"].replace(" ", "T") + "Z"
        if key in lines:
            lines[key][3] += q
        else:
            lines[key] = [r["CustomerID"], r["StockCode"], t, q]
with open(sys.argv[2], "w", newline="") as out:
    w = csv.writer(out)
    w.writerow(["customer", "stock_code", "time", "quantity"])
    for row in lines.values():
        w.writerow(row)
print(len(lines), "purchases")
