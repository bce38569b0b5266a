"""``workbench check``: the database's integrity, what is wrong and how to repair it (``--repair``: the safe part)."""

from __future__ import annotations

from workbench.cli import command, db_arg


def register(sub, common) -> None:
    p = command(sub, common, "check", "verify the database: integrity, orphan rows, counts, search index, jobs",
                "Check the database without changing it: SQLite's integrity and foreign-key checks (orphan "
                "rows), the article list's counts against a recount, the search index against the sentences, "
                "and jobs left running by a process that is gone. Each problem comes with how to repair it. "
                "Exit status 1 when something is wrong.")
    p.add_argument("--repair", action="store_true",
                   help="also repair what is safe: delete orphan rows a cascade would have deleted, recount, "
                        "rebuild the search index, mark dead jobs failed; then check again")
    p.set_defaults(func=run)


def run(args) -> int:
    from workbench.store import check, open_conn

    conn = open_conn(db_arg(args))
    results = check.run(conn)
    report(results)
    if not args.repair or not any(findings for _, findings in results):
        return 1 if any(findings for _, findings in results) else 0
    repaired = check.repair(conn, results)
    for finding in repaired:
        print(f"repaired: {finding.check}: {finding.problem}")
    after = check.run(conn)
    left = [f for _, findings in after for f in findings]
    for finding in left:
        print(f"still wrong: {finding.check}: {finding.problem}; {finding.repair}")
    print("the database is sound" if not left else f"{len(left)} problem(s) left that need you")
    return 1 if left else 0


def report(results) -> None:
    for name, findings in results:
        if not findings:
            print(f"ok       {name}")
        for finding in findings:
            print(f"PROBLEM  {name}: {finding.problem}; {finding.repair}")
