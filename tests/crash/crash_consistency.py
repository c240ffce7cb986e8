#!/usr/bin/env python3
"""Crash consistency (issue 10): SIGKILL `vingt serve` under write load, restart it, check the data.

Each round starts the real server on 127.0.0.1 port 0 with the same data directory, runs concurrent writers for a
random time and kills the server with SIGKILL at that moment (no shutdown code runs). Then, with the server down, it
opens every SQLite file of the data directory itself and checks, and after a restart it checks over HTTP:

* `PRAGMA integrity_check` answers `ok` and `PRAGMA foreign_key_check` finds nothing, on every file;
* the server starts again on the data (the database opens, migrations and the data model load);
* every batch (POST /rest/batch/companies, BATCH_SIZE companies named "crash <marker> <i>") has 0 or BATCH_SIZE
  rows, never a part, and every batch answered 201 before the kill has all of them;
* every batch update (PATCH /rest/companies?filter=name[like]:"crash <marker> %" setting `employees`) is applied to
  all rows of its batch or to none: the rows of a batch agree, and hold at least the last value answered 200;
* metadata changes (create an object, create a TEXT field, some unique, delete a field) answered 2xx survive; the model
  and the tables agree: every field has its column(s), every column of a custom object belongs to a field, and the
  server answers GET /rest/<plural> (all columns selected) on every active object.

On PostgreSQL (--database-url BASE, issue 8: "kill one server mid-batch"), the server is killed and PostgreSQL keeps
running; the checks read a fresh database under BASE with psql (the workspace's schema) and run pg_amcheck on it
(heap and every index, with the amcheck extension installed if missing) in place of the SQLite PRAGMAs.

Exit status 0 when every round passed, 1 at the first failure (with the data directory kept and its path printed).

    tests/crash/crash_consistency.py --binary build/test/app/vingt --kills 100     # the full run (README)
    tests/crash/crash_consistency.py --binary build/test/app/vingt --kills 100 \
        --database-url postgresql://postgres@127.0.0.1:5432                       # the same on PostgreSQL
"""

import argparse
import glob
import http.client
import json
import os
import random
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse

BATCH_SIZE = 20  # records per batch create (<= api.batchMaxRecords, and update many is capped at 60 as well)
NAME_RE = re.compile(r"^crash ([0-9a-f]+) (\d+)$")


class Failure(Exception):
    pass


def log(message):
    print(f"crash: {message}", flush=True)


# --- the server --------------------------------------------------------------------------------------------------


class Server:
    def __init__(self, binary, store_args, log_path, threads):
        self.binary = binary
        self.store_args = store_args  # ["--data-dir", DIR] or ["--database", URL]
        self.log_path = log_path
        self.threads = threads
        self.proc = None
        self.port = None

    def start(self, timeout=60.0):
        args = [self.binary, "serve", "--host", "127.0.0.1", "--port", "0", *self.store_args,
                "--setting", "rateLimit.shortLimit=100000000", "--setting", "rateLimit.longLimit=100000000"]
        if self.threads:
            args += ["--threads", str(self.threads)]
        env = dict(os.environ, VINGT_LOG_LEVEL="warning")
        with open(self.log_path, "ab") as err:
            self.proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=err, env=env)
        deadline = time.monotonic() + timeout
        line = b""
        # The first stdout line is "Listening on http://127.0.0.1:PORT/" (DECISIONS "The executable").
        while time.monotonic() < deadline:
            line = self.proc.stdout.readline()
            if line or self.proc.poll() is not None:
                break
        match = re.match(rb"^Listening on http://127\.0\.0\.1:(\d+)/", line)
        if not match:
            code = self.proc.poll()
            self.kill()
            raise Failure(f"the server did not start (exit status {code}, first line {line!r}); see {self.log_path}")
        self.port = int(match.group(1))
        # Drain stdout so the server never blocks on a full pipe.
        threading.Thread(target=self.proc.stdout.read, daemon=True).start()

    def kill(self):
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGKILL)
        if self.proc:
            self.proc.wait()

    def terminate(self):
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.kill()


class Client:
    """One keep-alive connection; any transport error raises ConnectionError."""

    def __init__(self, port, token, timeout=30.0):
        self.port = port
        self.token = token
        self.timeout = timeout
        self.conn = None

    def request(self, method, path, body=None):
        if self.conn is None:
            self.conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=self.timeout)
        headers = {"Authorization": f"Bearer {self.token}"}
        data = None
        if body is not None:
            data = json.dumps(body).encode()
            headers["Content-Type"] = "application/json"
        try:
            self.conn.request(method, path, body=data, headers=headers)
            response = self.conn.getresponse()
            payload = response.read()
        except (OSError, http.client.HTTPException) as error:
            self.close()
            raise ConnectionError(str(error)) from error
        try:
            parsed = json.loads(payload) if payload else None
        except ValueError:
            parsed = payload
        return response.status, parsed

    def close(self):
        if self.conn is not None:
            self.conn.close()
            self.conn = None


def quote_filter(text):
    return urllib.parse.quote(text, safe="")


# --- what the writers did ----------------------------------------------------------------------------------------


class Ledger:
    """What was sent and what was acknowledged, across rounds (guarded by one lock)."""

    def __init__(self):
        self.lock = threading.Lock()
        self.acked_batches = set()  # markers answered 201
        self.sent_batches = set()  # markers sent (answered or not)
        self.acked_update = {}  # marker -> highest `employees` value answered 200
        self.sent_update = {}  # marker -> highest `employees` value sent
        self.acked_objects = set()  # nameSingular of objects answered 201
        self.acked_fields = {}  # field id -> (object nameSingular, field name), answered 201 and not deleted since
        self.deleted_fields = set()  # field ids whose DELETE was answered 200
        self.delete_sent = set()  # field ids whose DELETE was sent (it may have committed without an answer)
        self.counts = {"batch": 0, "update": 0, "object": 0, "field": 0, "delete": 0, "failed": 0}


def writer(port, token, ledger, stop, rng, own_markers, metadata):
    client = Client(port, token)
    try:
        while not stop.is_set():
            choice = rng.random()
            try:
                if metadata and choice < 0.35:
                    metadata_change(client, ledger, rng)
                elif own_markers and choice < 0.6:
                    batch_update(client, ledger, rng, own_markers)
                else:
                    batch_create(client, ledger, rng, own_markers)
            except ConnectionError:
                if stop.is_set():
                    return
                time.sleep(0.01)  # the server is gone: the kill happened, or is about to
    finally:
        client.close()


def batch_create(client, ledger, rng, own_markers):
    marker = "%016x" % rng.getrandbits(64)
    body = [{"name": f"crash {marker} {i}", "employees": 0} for i in range(BATCH_SIZE)]
    with ledger.lock:
        ledger.sent_batches.add(marker)
    status, _ = client.request("POST", "/rest/batch/companies", body)
    if status == 201:
        with ledger.lock:
            ledger.acked_batches.add(marker)
            ledger.counts["batch"] += 1
        own_markers.append(marker)
    else:
        with ledger.lock:
            ledger.counts["failed"] += 1
        raise Failure(f"POST /rest/batch/companies answered {status}")


def batch_update(client, ledger, rng, own_markers):
    # Only this writer updates its markers, so the values of one marker only grow.
    marker = rng.choice(own_markers)
    with ledger.lock:
        value = ledger.sent_update.get(marker, 0) + 1
        ledger.sent_update[marker] = value
    path = "/rest/companies?filter=" + quote_filter(f'name[like]:"crash {marker} %"')
    status, body = client.request("PATCH", path, {"employees": value})
    if status != 200:
        raise Failure(f"PATCH {path} answered {status}: {body}")
    updated = len(body["data"]["updateCompanies"])
    if updated != BATCH_SIZE:
        raise Failure(f"PATCH {path} updated {updated} records, expected {BATCH_SIZE}")
    with ledger.lock:
        ledger.acked_update[marker] = value
        ledger.counts["update"] += 1


def metadata_change(client, ledger, rng):
    with ledger.lock:
        objects = sorted(ledger.acked_objects)
        fields = sorted(item for item in ledger.acked_fields.items() if item[0] not in ledger.delete_sent)
    roll = rng.random()
    suffix = "%08x" % rng.getrandbits(32)
    if roll < 0.25 or not objects:
        name = f"crashobj{suffix}"
        body = {"nameSingular": name, "namePlural": name + "s", "labelSingular": f"Crash obj {suffix}",
                "labelPlural": f"Crash objs {suffix}", "icon": "IconBox", "isLabelSyncedWithName": False}
        status, answer = client.request("POST", "/rest/metadata/objects", body)
        if status != 201:
            raise Failure(f"POST /rest/metadata/objects answered {status}: {answer}")
        with ledger.lock:
            ledger.acked_objects.add(name)
            ledger.counts["object"] += 1
    elif roll < 0.75 or not fields:
        target = rng.choice(objects + ["company"])
        object_id = object_ids(client).get(target)
        if object_id is None:
            raise Failure(f"object '{target}' answered 201 but is not in GET /rest/metadata/objects")
        name = f"cf{suffix}"
        # A unique field gets an index: deleting it takes SQLite's table rebuild (DECISIONS "Storage").
        body = {"objectMetadataId": object_id, "type": "TEXT", "name": name, "label": f"Crash field {suffix}",
                "isUnique": rng.random() < 0.4}
        status, answer = client.request("POST", "/rest/metadata/fields", body)
        if status != 201:
            raise Failure(f"POST /rest/metadata/fields answered {status}: {answer}")
        with ledger.lock:
            ledger.acked_fields[answer["data"]["createOneField"]["id"]] = (target, name)
            ledger.counts["field"] += 1
    else:
        field_id, _ = rng.choice(fields)
        with ledger.lock:
            ledger.delete_sent.add(field_id)
        status, answer = client.request("DELETE", f"/rest/metadata/fields/{field_id}")
        if status != 200:
            raise Failure(f"DELETE /rest/metadata/fields/{field_id} answered {status}: {answer}")
        with ledger.lock:
            ledger.acked_fields.pop(field_id, None)
            ledger.deleted_fields.add(field_id)
            ledger.counts["delete"] += 1


def object_ids(client):
    status, body = client.request("GET", "/rest/metadata/objects?limit=1000")
    if status != 200:
        raise Failure(f"GET /rest/metadata/objects answered {status}: {body}")
    return {o["nameSingular"]: o["id"] for o in body["data"]["objects"]}


# --- the checks --------------------------------------------------------------------------------------------------


def database_files(data_dir):
    return sorted(glob.glob(os.path.join(data_dir, "*.db")) + glob.glob(os.path.join(data_dir, "workspaces", "*.db")))


class SqliteFile:
    """One workspace database file, read with Python's sqlite3 while the server is down."""

    def __init__(self, db, path):
        self.db = db
        self.path = path

    def rows(self, sql):
        return self.db.execute(sql).fetchall()

    def tables(self):
        return {row[0] for row in self.rows("SELECT name FROM sqlite_master WHERE type = 'table'")}

    def columns(self, table):
        return [row[1] for row in self.rows(f'PRAGMA table_info("{table}")')]


class PostgresWorkspace:
    """The workspace's schema in a PostgreSQL database, read with psql (names compare in lower case)."""

    def __init__(self, url):
        self.url = url
        self.path = url
        schemas = self.rows("SELECT schema_name FROM information_schema.schemata WHERE schema_name LIKE 'workspace%'",
                            schema=None)
        if len(schemas) != 1:
            raise Failure(f"expected one workspace schema in {url}, found {schemas}")
        self.schema = schemas[0][0]
        self._by_table = None  # lower-case table name -> its columns, read once

    def rows(self, sql, schema=""):
        schema = self.schema if schema == "" else schema
        command = ["psql", "-X", "-q", "-At", "-F", "\x1f", "-v", "ON_ERROR_STOP=1", self.url]
        if schema:
            command += ["-c", f"SET search_path TO {schema}"]
        done = subprocess.run(command + ["-c", sql], capture_output=True, text=True)
        if done.returncode != 0:
            raise Failure(f"psql {sql!r} failed: {done.stderr.strip()}")
        return [tuple(line.split("\x1f")) for line in done.stdout.splitlines()]

    def tables(self):
        return set(self._columns())

    def columns(self, table):
        return self._columns().get(table.lower(), [])

    def _columns(self):
        # Every table's columns in one psql run (one per table made a round with 100 objects take seconds).
        if self._by_table is None:
            self._by_table = {}
            for table, column in self.rows(
                    "SELECT lower(table_name), column_name FROM information_schema.columns "
                    f"WHERE table_schema = '{self.schema}' ORDER BY table_name, ordinal_position"):
                self._by_table.setdefault(table, []).append(column)
        return self._by_table


def check_files(data_dir, ledger):
    """With the server down: every file is intact; batches and updates are whole. Returns the record count."""
    files = database_files(data_dir)
    if len(files) < 2:
        raise Failure(f"expected instance.db and a workspace database in {data_dir}, found {files}")
    records = 0
    for path in files:
        db = sqlite3.connect(path, timeout=30)
        try:
            result = [row[0] for row in db.execute("PRAGMA integrity_check")]
            if result != ["ok"]:
                raise Failure(f"PRAGMA integrity_check on {path}: {result[:10]}")
            violations = db.execute("PRAGMA foreign_key_check").fetchall()
            if violations:
                raise Failure(f"PRAGMA foreign_key_check on {path}: {violations[:10]}")
            if os.path.dirname(path).endswith("workspaces"):
                workspace = SqliteFile(db, path)
                records += check_batches(workspace, ledger)
                check_model_tables(workspace, ledger)
        finally:
            db.close()
    return records


def check_postgres(url, amcheck, ledger):
    """After the server's kill (PostgreSQL keeps running): the database is intact, batches and the model whole."""
    if amcheck:
        done = subprocess.run([amcheck, "--install-missing", "--heapallindexed", url], capture_output=True, text=True)
        if done.returncode != 0:
            raise Failure(f"pg_amcheck on {url} answered {done.returncode}: {(done.stdout + done.stderr)[:2000]}")
    workspace = PostgresWorkspace(url)
    records = check_batches(workspace, ledger)
    check_model_tables(workspace, ledger)
    return records


def check_batches(workspace, ledger):
    path = workspace.path
    rows = workspace.rows("SELECT name, employees FROM company WHERE name LIKE 'crash %'")
    found = {}
    for name, employees in rows:
        match = NAME_RE.match(name)
        if not match:
            raise Failure(f"{path}: unexpected company name {name!r}")
        found.setdefault(match.group(1), []).append((int(match.group(2)), employees))
    with ledger.lock:
        acked = set(ledger.acked_batches)
        sent = set(ledger.sent_batches)
        acked_update = dict(ledger.acked_update)
        sent_update = dict(ledger.sent_update)
    for marker, items in found.items():
        if marker not in sent:
            raise Failure(f"{path}: batch {marker} is in the database but was never sent")
        indexes = sorted(i for i, _ in items)
        if indexes != list(range(BATCH_SIZE)):
            raise Failure(f"{path}: batch {marker} is partial: {len(items)} of {BATCH_SIZE} records ({indexes})")
        values = {int(e) for _, e in items}
        if len(values) != 1:
            raise Failure(f"{path}: batch update of {marker} is partial: employees values {sorted(values)}")
        value = values.pop()
        if value < acked_update.get(marker, 0):
            raise Failure(f"{path}: batch {marker} has employees={value}, but the update to "
                          f"{acked_update[marker]} was acknowledged")
        if value > sent_update.get(marker, 0):
            raise Failure(f"{path}: batch {marker} has employees={value}, never sent")
    missing = sorted(acked - set(found))
    if missing:
        raise Failure(f"{path}: {len(missing)} acknowledged batches are missing, e.g. {missing[:3]}")
    return len(rows)


# The sub-fields of each composite type (backend/model/fieldtype.cpp), lower case: a column is `<field><SubField>`.
COMPOSITE_PARTS = {
    "FULL_NAME": {"firstname", "lastname"},
    "LINKS": {"primarylinkurl", "primarylinklabel", "secondarylinks"},
    "CURRENCY": {"amountmicros", "currencycode"},
    "EMAILS": {"primaryemail", "additionalemails"},
    "PHONES": {"primaryphonenumber", "primaryphonecountrycode", "primaryphonecallingcode", "additionalphones"},
    "ADDRESS": {"addressstreet1", "addressstreet2", "addresscity", "addressstate", "addresspostcode",
                "addresscountry", "addresslat", "addresslng"},
    "ACTOR": {"source", "workspacememberid", "name", "context"},
    "RICH_TEXT_V2": {"blocknote", "markdown"},
}
COMPOSITE = set(COMPOSITE_PARTS)
NO_COLUMN = {"RELATION", "MORPH_RELATION"}  # a MANY_TO_ONE relation has its join column `<name>Id`, checked apart


def check_model_tables(workspace, ledger):
    path = workspace.path
    objects = [(object_id, name, str(custom) in ("1", "t", "true")) for object_id, name, custom in
               workspace.rows("SELECT id, nameSingular, isCustom FROM core_objectMetadata")]
    # Names compare in lower case: PostgreSQL folds the unquoted identifiers of the DDL, SQLite keeps them.
    tables = {name.lower() for name in workspace.tables()}
    names = {object_id: name for object_id, name, _ in objects}
    fields_by_object = {}
    for object_id, name, ftype, relation_type in workspace.rows(
            "SELECT objectMetadataId, name, type, relationType FROM core_fieldMetadata"):
        fields_by_object.setdefault(object_id, []).append((name.lower(), ftype, relation_type))
    for object_id, object_name, is_custom in objects:
        if object_name.lower() not in tables:
            raise Failure(f"{path}: object '{object_name}' has no table")
        columns = [column.lower() for column in workspace.columns(object_name)]
        column_set = set(columns)
        expected = set()
        for name, ftype, relation_type in fields_by_object.get(object_id, []):
            if ftype in NO_COLUMN:
                if relation_type == "MANY_TO_ONE":
                    expected.add(name + "id")
                    if name + "id" not in column_set:
                        raise Failure(f"{path}: relation '{object_name}.{name}' has no column '{name}Id'")
                continue
            if ftype in COMPOSITE:
                # `<name><SubField>` columns: the sub-field names of the composite type.
                sub = [c for c in columns if c.startswith(name) and c[len(name):] in COMPOSITE_PARTS.get(ftype, ())]
                if not sub:
                    raise Failure(f"{path}: composite field '{object_name}.{name}' has no column")
                expected.update(sub)
            elif ftype == "TS_VECTOR":
                expected.add(name)
            else:
                if name not in column_set:
                    raise Failure(f"{path}: field '{object_name}.{name}' ({ftype}) has no column; columns {columns}")
                expected.add(name)
        orphans = sorted(column_set - expected)
        if is_custom and orphans:
            raise Failure(f"{path}: columns of '{object_name}' without a field: {orphans}")
        if orphans and any(c.startswith("cf") for c in orphans):
            raise Failure(f"{path}: columns of '{object_name}' without a field: {orphans}")
    custom_tables = {t for t in tables if t.startswith("crashobj")}
    orphan_tables = sorted(custom_tables - {name.lower() for name in names.values()})
    if orphan_tables:
        raise Failure(f"{path}: tables without an object: {orphan_tables}")
    with ledger.lock:
        acked_objects = set(ledger.acked_objects)
        acked_fields = dict(ledger.acked_fields)
        deleted = set(ledger.deleted_fields)
        delete_sent = set(ledger.delete_sent)
    missing_objects = sorted(acked_objects - set(names.values()))
    if missing_objects:
        raise Failure(f"{path}: acknowledged objects are missing: {missing_objects}")
    field_ids = {row[0] for row in workspace.rows("SELECT id FROM core_fieldMetadata")}
    missing_fields = sorted(f"{o}.{n}" for fid, (o, n) in acked_fields.items()
                            if fid not in field_ids and fid not in delete_sent)
    if missing_fields:
        raise Failure(f"{path}: acknowledged fields are missing: {missing_fields}")
    undeleted = sorted(deleted & field_ids)
    if undeleted:
        raise Failure(f"{path}: fields whose DELETE was acknowledged are still there: {undeleted}")


def check_api(client):
    """With the server up again: every active object answers a list with all its columns."""
    status, body = client.request("GET", "/rest/metadata/objects?limit=1000")
    if status != 200:
        raise Failure(f"GET /rest/metadata/objects answered {status}: {body}")
    objects = [o for o in body["data"]["objects"] if o["isActive"]]
    for obj in objects:
        path = f"/rest/{obj['namePlural']}?limit=1"
        status, answer = client.request("GET", path)
        if status != 200:
            raise Failure(f"GET {path} answered {status}: {answer}")
    status, answer = client.request("POST", "/graphql", {"query": "{ companies(first: 1) { edges { node { id } } } }"})
    if status != 200 or answer.get("errors"):
        raise Failure(f"POST /graphql answered {status}: {answer}")
    return len(objects)


def drop_database(url):
    base, name = url.rsplit("/", 1)
    done = subprocess.run(["psql", "-X", "-q", f"{base}/postgres", "-c", f'DROP DATABASE IF EXISTS "{name}"'],
                          capture_output=True, text=True)
    if done.returncode != 0:
        log(f"could not drop {url}: {done.stderr.strip()}")


# --- the run -----------------------------------------------------------------------------------------------------


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--binary", required=True, help="the vingt executable")
    parser.add_argument("--kills", type=int, default=100, help="SIGKILLs (rounds), default 100")
    parser.add_argument("--writers", type=int, default=4, help="concurrent writers, default 4")
    parser.add_argument("--max-run", type=float, default=1.5, help="longest load before a kill, seconds")
    parser.add_argument("--threads", type=int, default=0, help="vingt serve --threads (0: its default)")
    parser.add_argument("--seed", type=int, default=None, help="random seed (printed; default: random)")
    parser.add_argument("--data-dir", default=None, help="use (and keep) this data directory")
    parser.add_argument("--keep", action="store_true", help="keep the data directory even when the run passes")
    parser.add_argument("--database-url", default=None,
                        help="run on PostgreSQL: a server URL without a database (postgresql://user@host:port); "
                             "a fresh database vingt_crash_<random> is created under it")
    parser.add_argument("--database-url-file", default=None,
                        help="read --database-url from this file (the ctest PostgreSQL fixture writes one)")
    args = parser.parse_args()
    if args.database_url_file:
        with open(args.database_url_file) as url_file:
            args.database_url = url_file.read().strip()

    seed = args.seed if args.seed is not None else random.randrange(1 << 32)
    rng = random.Random(seed)
    owned_dir = args.data_dir is None
    work = tempfile.mkdtemp(prefix="vingt-crash.") if owned_dir else args.data_dir
    data_dir = os.path.join(work, "data")
    os.makedirs(data_dir, exist_ok=True)
    log_path = os.path.join(work, "server.log")
    database_url = None
    amcheck = None
    if args.database_url:
        database_url = f"{args.database_url.rstrip('/')}/vingt_crash_{rng.getrandbits(48):012x}"
        store_args = ["--database", database_url]
        amcheck = shutil.which("pg_amcheck") or next(iter(sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_amcheck"),
                                                                reverse=True)), None)
        if amcheck is None:
            log("pg_amcheck not found: the heap and index check is skipped (install postgresql)")
        log(f"seed {seed}, {args.kills} kills, {args.writers} writers, database {database_url}")
    else:
        store_args = ["--data-dir", data_dir]
        log(f"seed {seed}, {args.kills} kills, {args.writers} writers, data {data_dir}")

    created = subprocess.run([args.binary, "api-key", "create", "--name", "crash", *store_args],
                             capture_output=True, text=True, env=dict(os.environ, VINGT_LOG_LEVEL="warning"))
    token = created.stdout.strip()
    if created.returncode != 0 or not token:
        log(f"vingt api-key create failed ({created.returncode}): {created.stderr.strip()}")
        return 1

    server = Server(args.binary, store_args, log_path, args.threads)
    ledger = Ledger()
    markers = [[] for _ in range(args.writers)]
    started = time.monotonic()
    records = 0
    try:
        for round_no in range(1, args.kills + 1):
            server.start()
            client = Client(server.port, token)
            objects = check_api(client)
            client.close()
            stop = threading.Event()
            errors = []

            def guarded(*writer_args):
                try:
                    writer(*writer_args)
                except Failure as failure:
                    errors.append(failure)

            workers = [threading.Thread(target=guarded, args=(server.port, token, ledger, stop,
                                                              random.Random(rng.getrandbits(64)), markers[i], i == 0))
                       for i in range(args.writers)]
            for w in workers:
                w.start()
            time.sleep(rng.uniform(0.02, args.max_run))
            server.kill()  # SIGKILL: no destructor, no checkpoint, no flush
            stop.set()
            for w in workers:
                w.join(60)
            if errors:
                raise errors[0]
            records = check_postgres(database_url, amcheck, ledger) if database_url else check_files(data_dir, ledger)
            if round_no == 1 or round_no % 10 == 0 or round_no == args.kills:
                c = ledger.counts
                log(f"kill {round_no}/{args.kills}: {records} records, {objects} objects served; acknowledged so far: "
                    f"{c['batch']} batches, {c['update']} updates, {c['object']} objects, {c['field']} fields, "
                    f"{c['delete']} field deletions ({time.monotonic() - started:.0f} s)")
        # A last start: the data opens and serves after the final kill too.
        server.start()
        client = Client(server.port, token)
        objects = check_api(client)
        client.close()
        server.terminate()
        if server.proc.returncode != 0:
            raise Failure(f"the server exited {server.proc.returncode} on SIGTERM; see {log_path}")
    except Failure as failure:
        server.kill()
        log(f"FAILED (seed {seed}): {failure}")
        log(f"data kept in {work}" + (f" and {database_url}" if database_url else ""))
        return 1
    except BaseException:
        server.kill()
        raise
    c = ledger.counts
    log(f"passed: {args.kills} kills in {time.monotonic() - started:.0f} s; {records} records, {objects} objects; "
        f"acknowledged {c['batch']} batches of {BATCH_SIZE}, {c['update']} batch updates, {c['object']} objects, "
        f"{c['field']} fields, {c['delete']} field deletions")
    if owned_dir and not args.keep:
        shutil.rmtree(work, ignore_errors=True)
        if database_url:
            drop_database(database_url)
    else:
        log(f"data kept in {work}" + (f" and {database_url}" if database_url else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
