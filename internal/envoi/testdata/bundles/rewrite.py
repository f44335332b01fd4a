"""Derive the test bundles from the IG examples (/work/shared/tddui/examples).

What the sender will get from the converter, and what a generic FHIR server
needs: request.url is the resource type (not the profile name), fullUrls are
urn:uuid (v5 of the example's fullUrl, stable), references point to them, no
resource.id, and every reference resolves inside the bundle (the examples
point to a few resources of other examples: those are copied in, and the PA
goals' CarePlan reference, which names the IME CarePlan, is set to the PA one).
Run: python3 rewrite.py /work/shared/tddui/examples
"""
import json, sys, uuid, copy

src = sys.argv[1]
NS = uuid.uuid5(uuid.NAMESPACE_URL, "https://interop.esante.gouv.fr/ig/fhir/tddui")


def load(name):
    with open(f"{src}/{name}") as f:
        return json.load(f)


def extra(bundle_name, rtype, rid):
    if bundle_name:
        for e in load(bundle_name)["entry"]:
            r = e["resource"]
            if r["resourceType"] == rtype and r["id"] == rid:
                return copy.deepcopy(e)
    r = load(f"{rtype}-{rid}.json")
    return {"fullUrl": f"https://test-server.fr/{rtype}/{rid}", "resource": r,
            "request": {"method": "POST", "url": rtype}}


def walk(o, fn):
    if isinstance(o, dict):
        for k, v in o.items():
            if k == "reference" and isinstance(v, str):
                o[k] = fn(v)
            else:
                walk(v, fn)
    elif isinstance(o, list):
        for v in o:
            walk(v, fn)


def rewrite(name, out, extras, fixes):
    b = load(name)
    b.pop("id", None)
    b.pop("meta", None)
    b["entry"] += [extra(*x) for x in extras]
    urn = {}
    for e in b["entry"]:
        r = e["resource"]
        key = f"{r['resourceType']}/{r['id']}"
        urn[key] = "urn:uuid:" + str(uuid.uuid5(NS, key))
    for e in b["entry"]:
        r = e["resource"]
        key = f"{r['resourceType']}/{r['id']}"
        e["fullUrl"] = urn[key]
        e["request"] = {"method": "POST", "url": r["resourceType"]}
        del r["id"]
        walk(r, lambda v: urn[fixes.get(v, v)])
    with open(out, "w") as f:
        json.dump(b, f, ensure_ascii=False, indent=2)
        f.write("\n")


rewrite("Bundle-tddui-bundle-example.json", "ssiad.json",
        [(None, "Location", "tddui-event-location-example")], {})
rewrite("Bundle-tddui-pp-pa-bundle-example.json", "pp-pa.json",
        [("Bundle-tddui-bundle-example.json", "Organization", "tddui-organization-example")],
        {"CarePlan/tddui-pp-ime-careplan-example": "CarePlan/tddui-pp-pa-careplan-example"})
rewrite("Bundle-tddui-pp-ime-bundle-example.json", "pp-ime.json",
        [("Bundle-tddui-bundle-example.json", "Practitioner", "tddui-practitioner-example")], {})
