"""outdated-translation, orphan-translation and `contentlint status` on real git repositories
built by the tests (tests/helpers.commit_stages): one English source and its Korean
translation in a Hugo tree, and one change per case."""

from __future__ import annotations

import json
import os
import subprocess

import pytest

from contentlint.cli import main
from helpers import commit_stages, git, report_data

EN, KO = "content/en/docs/probes.md", "content/ko/docs/probes.md"
BASE_EN = """---
title: Probes
reviewers: [ann]
---

## Intro {#intro}

A probe restarts a *container* that stopped. See [pods](/docs/pods/).

{{< note >}}
Probes run on the node.
{{< /note >}}

## Usage {#usage}

Create the pod:

```shell
kubectl apply -f probe.yaml
```
"""
BASE_KO = """---
title: 프로브
---

## 소개 {#intro}

프로브는 멈춘 *컨테이너*를 재시작한다. [파드](/ko/docs/pods/)를 본다.

{{< note >}}
프로브는 노드에서 실행된다.
{{< /note >}}

## 사용법 {#usage}

파드를 만든다.

```shell
kubectl apply -f probe.yaml
```
"""


def edit(text: str, old: str, new: str) -> str:
    assert old in text, old
    return text.replace(old, new)


def run(capsys, folder, *args) -> tuple[int, list[dict]]:
    code = main(["check", str(folder), "--no-config", "--no-cache", "--select", "CL519,CL520", "--format", "json",
                 *args])
    return code, json.loads(capsys.readouterr().out)["findings"]


def status(capsys, folder, fmt="json"):
    assert main(["status", str(folder), "--no-config", "--format", fmt]) == 0
    out = capsys.readouterr().out
    return json.loads(out) if fmt == "json" else out


def base(tmp_path, *later: dict) -> list[str]:
    return commit_stages(tmp_path, [{EN: BASE_EN, KO: BASE_KO}, *later])


COSMETIC = {  # a change to the English that is no change of substance
    "reflowed": ("A probe restarts a *container* that stopped. See", "A probe restarts a *container*\nthat stopped. See"),
    "emphasis style": ("a *container* that", "a _container_ that"),
    "link re-localized": ("[pods](/docs/pods/)", "[pods](/en/docs/pods/)"),
    "shortcode only": ("{{< note >}}\nProbes run on the node.\n{{< /note >}}",
                       "{{< caution >}}\nProbes run on the node.\n{{< /caution >}}"),
    "front matter only": ("reviewers: [ann]", "reviewers: [ann, bob]"),
    "whitespace": ("Create the pod:\n", "Create the pod:   \n\n"),
}


@pytest.mark.parametrize("kind", sorted(COSMETIC))
def test_a_cosmetic_source_change_leaves_the_translation_up_to_date(tmp_path, capsys, kind):
    old, new = COSMETIC[kind]
    base(tmp_path, {EN: edit(BASE_EN, old, new)})
    assert run(capsys, tmp_path)[1] == []
    assert status(capsys, tmp_path)["articles"][0]["languages"]["ko"]["state"] == "up to date"


def test_a_source_changed_after_the_translation_makes_it_outdated_with_what_changed(tmp_path, capsys):
    ids = base(tmp_path, {EN: edit(BASE_EN, "that stopped.", "that stopped making progress.")})
    code, found = run(capsys, tmp_path)
    assert code == 1 and [f["rule"] for f in found] == ["outdated-translation"]
    f = found[0]
    assert f["path"].endswith(KO) and f["line"] == 1
    assert f"the source changed in 1 commit since 2023-11-15 ({ids[0][:7]}..{ids[1][:7]})" in f["message"]
    assert "paragraph changed (3 words) at line 8" in f["message"] and f["message"].startswith("outdated (low)")
    assert f["related"][0]["path"].endswith(EN) and f["related"][0]["line"] == 8
    cell = status(capsys, tmp_path)["articles"][0]["languages"]["ko"]
    assert (cell["state"], cell["behind"], cell["level"], cell["since"]) == ("outdated", 1, "low", "2023-11-15")


def test_a_larger_change_is_normal_and_counts_every_commit_behind(tmp_path, capsys):
    grown = edit(BASE_EN, "Create the pod:\n", "Create the pod:\n\nThe kubelet then runs the probe every ten seconds.\n")
    base(tmp_path, {EN: grown}, {EN: edit(grown, "## Usage {#usage}", "## Use it {#use-it}")})
    message = run(capsys, tmp_path)[1][0]["message"]
    assert message.startswith("outdated (normal): the source changed in 2 commits since 2023-11-15")
    assert "paragraph added at line 18" in message and "heading changed (3 words) at line 14" in message


@pytest.mark.parametrize("what, old, new", [
    ("a command", "kubectl apply -f probe.yaml", "kubectl create -f probe.yaml"),
    ("a code block", "```shell\nkubectl apply", "```shell\nkubectl describe pod probe\n```\n\n```shell\nkubectl apply"),
])
def test_a_changed_code_block_makes_the_translation_outdated(tmp_path, capsys, what, old, new):
    base(tmp_path, {EN: edit(BASE_EN, old, new)})
    found = run(capsys, tmp_path)[1]
    assert len(found) == 1 and "code block" in found[0]["message"] and "(normal)" in found[0]["message"]


def test_a_typo_fixed_elsewhere_in_the_translation_is_no_sync(tmp_path, capsys):
    base(tmp_path, {EN: edit(BASE_EN, "that stopped.", "that stopped making progress.")},
         {KO: edit(BASE_KO, "파드를 만든다.", "파드를 생성한다.")})  # the Usage section, not the Intro
    assert [f["rule"] for f in run(capsys, tmp_path)[1]] == ["outdated-translation"]


def test_a_translation_updated_where_the_source_changed_is_up_to_date(tmp_path, capsys):
    base(tmp_path, {EN: edit(BASE_EN, "that stopped.", "that stopped making progress.")},
         {KO: edit(BASE_KO, "멈춘 *컨테이너*를", "진행이 멈춘 *컨테이너*를")})
    assert run(capsys, tmp_path)[1] == []


def test_uncommitted_edits_are_the_newest_state(tmp_path, capsys):
    base(tmp_path)
    (tmp_path / EN).write_text(edit(BASE_EN, "that stopped.", "that stopped making progress."), encoding="utf-8")
    found = run(capsys, tmp_path)[1]
    assert found[0]["message"].startswith("outdated (low): the source has uncommitted edits")
    (tmp_path / KO).write_text(edit(BASE_KO, "멈춘", "진행이 멈춘"), encoding="utf-8")
    assert run(capsys, tmp_path)[1] == []  # the translation's own edit follows it


def test_a_deleted_source_makes_an_orphan(tmp_path, capsys):
    other = {"content/en/docs/other.md": BASE_EN, "content/ko/docs/other.md": BASE_KO}  # the site's other page
    ids = commit_stages(tmp_path, [{EN: BASE_EN, KO: BASE_KO, **other}, {EN: None}])
    found = run(capsys, tmp_path)[1]
    assert [(f["rule"], f["message"]) for f in found] == [
        ("orphan-translation", f"the source {EN} was deleted in {ids[1][:7]}: remove or re-source this translation")]
    assert status(capsys, tmp_path)["articles"][1]["languages"]["ko"]["state"] == "orphan"


def test_a_renamed_source_is_followed(tmp_path, capsys):
    moved = "content/en/docs/health-probes.md"
    base(tmp_path, {f"{EN} -> {moved}": ""}, {moved: edit(BASE_EN, "that stopped.", "that stopped making progress.")})
    found = run(capsys, tmp_path)[1]
    assert sorted(f["rule"] for f in found) == ["orphan-translation", "outdated-translation"]
    orphan = next(f for f in found if f["rule"] == "orphan-translation")
    assert f"the source {EN} was renamed to {moved}" in orphan["message"]
    # the translation renamed with it: one group again, its lag read through both renames
    git(tmp_path, "mv", KO, "content/ko/docs/health-probes.md")
    git(tmp_path, "commit", "-q", "-m", "follow the rename", when="@1700300000 +0000")
    found = run(capsys, tmp_path)[1]
    assert [f["rule"] for f in found] == ["outdated-translation"]


@pytest.mark.parametrize("pinned, outdated", [(0, True), (1, False)])
def test_an_mdn_source_commit_pin_wins(tmp_path, capsys, pinned, outdated):
    ids = base(tmp_path, {EN: edit(BASE_EN, "that stopped.", "that stopped making progress.")})
    # the translation is committed last, unchanged where the source changed: only its pin tells
    commit_stages(tmp_path, [{KO: edit(BASE_KO, "title: 프로브\n", f"title: 프로브\nl10n:\n  sourceCommit: {ids[pinned]}\n")}],
                  start=1_700_500_000)
    assert bool(run(capsys, tmp_path)[1]) is outdated


def test_a_configured_pin_field_is_read(tmp_path, capsys):
    ids = base(tmp_path, {EN: edit(BASE_EN, "that stopped.", "that stopped making progress.")},
               {KO: edit(BASE_KO, "멈춘", "진행이 멈춘")})
    (tmp_path / KO).write_text(edit(BASE_KO, "title: 프로브\n", f"title: 프로브\nsynced_from: {ids[0]}\n"), encoding="utf-8")
    (tmp_path / "contentlint.toml").write_text('[history]\nsource_commit_field = "synced_from"\n', encoding="utf-8")
    assert main(["check", str(tmp_path), "--no-cache", "--select", "CL519", "--format", "json",
                 "--config", str(tmp_path / "contentlint.toml")]) == 1
    assert "outdated" in capsys.readouterr().out


def test_outside_git_the_rules_are_silent_and_status_says_untracked(tmp_path, capsys):
    for path, text in ((EN, BASE_EN), (KO, BASE_KO)):
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_text(text, encoding="utf-8")
    assert run(capsys, tmp_path) == (0, [])
    data = status(capsys, tmp_path)
    assert data["articles"][0]["languages"]["ko"]["state"] == "untracked"
    assert data["notes"] == ["not in a git repository: every translation is untracked"]


def test_a_shallow_clone_is_said_once(tmp_path, capsys):
    base(tmp_path / "origin", {EN: edit(BASE_EN, "that stopped.", "that stopped making progress.")},
         {"content/en/docs/other.md": BASE_EN, "content/ko/docs/other.md": BASE_KO})
    subprocess.run(["git", "clone", "-q", "--depth", "1", f"file://{tmp_path / 'origin'}", str(tmp_path / "clone")],
                   check=True, capture_output=True)
    main(["check", str(tmp_path / "clone"), "--no-config", "--no-cache", "--select", "CL519"])
    err = capsys.readouterr().err
    assert err.count("is a shallow clone") == 1 and "fetch-depth: 0" in err
    assert any("shallow clone" in n for n in status(capsys, tmp_path / "clone")["notes"])


def test_status_in_text_and_markdown(tmp_path, capsys):
    base(tmp_path, {EN: edit(BASE_EN, "that stopped.", "that stopped making progress."),
                    "content/en/docs/new.md": BASE_EN})
    text = status(capsys, tmp_path, "text").splitlines()
    assert text[0].split() == ["article", "en", "ko"]
    assert text[1:3] == ["docs/new     source  missing", "docs/probes  source  outdated 1, low"]
    assert text[3] == "1 missing, 1 outdated, 2 source"
    markdown = status(capsys, tmp_path, "markdown").splitlines()
    assert markdown[:4] == ["| article | en | ko |", "|---|---|---|", "| `docs/new` | source | ❌ missing |",
                            "| `docs/probes` | source | ⚠️ 1 behind (low): paragraph changed (3 words) |"]


def test_status_reuses_the_history_until_the_tree_changes(tmp_path, capsys, monkeypatch):
    base(tmp_path)
    monkeypatch.chdir(tmp_path)  # the cache lives beside the configuration: here
    assert status(capsys, ".")["totals"] == {"source": 1, "up to date": 1}
    assert (tmp_path / ".contentlint_cache" / "history" / "result").is_file()
    assert status(capsys, ".")["totals"] == {"source": 1, "up to date": 1}
    (tmp_path / EN).write_text(edit(BASE_EN, "that stopped.", "that stopped making progress."), encoding="utf-8")
    assert status(capsys, ".")["totals"] == {"outdated": 1, "source": 1}
    (tmp_path / EN).write_text(edit(BASE_EN, "that stopped.", "that stopped for good."), encoding="utf-8")
    cell = status(capsys, ".")["articles"][0]["languages"]["ko"]
    assert cell["changes"][0]["words"] == 3  # the second edit, not the first one's cached result
    assert cell["uncommitted"] and cell["behind"] == 0
    git(tmp_path, "commit", "-qam", "source edit")  # no file changes: the new HEAD says it
    cell = status(capsys, ".")["articles"][0]["languages"]["ko"]
    assert not cell["uncommitted"] and cell["behind"] == 1


def test_a_repository_inside_an_ignored_folder_is_read_with_its_own_ignores(tmp_path, capsys, monkeypatch):
    """The parent checkout ignores `work/`; a repository cloned there is still linted when named."""
    (tmp_path / ".gitignore").write_text("work/\n", encoding="utf-8")
    base(tmp_path / "work" / "site", {EN: edit(BASE_EN, "that stopped.", "that stopped making progress.")})
    monkeypatch.chdir(tmp_path)
    assert [f["rule"] for f in run(capsys, "work/site")[1]] == ["outdated-translation"]


def test_workers_give_what_one_process_gives(tmp_path, capsys, monkeypatch):
    from contentlint.history import stage

    stages = [{EN: BASE_EN, KO: BASE_KO, **{f"content/{lang}/docs/probes.md": BASE_KO for lang in ("ja", "zh")},
               "content/en/docs/other.md": BASE_EN, "content/ko/docs/other.md": BASE_KO},
              {EN: edit(BASE_EN, "that stopped.", "that stopped making progress.")},
              {"content/ja/docs/probes.md": edit(BASE_KO, "멈춘", "진행이 멈춘")}]
    commit_stages(tmp_path, stages)
    serial = run(capsys, tmp_path, "--jobs", "1")[1]
    monkeypatch.setattr(stage, "PARALLEL", 1)
    parallel = run(capsys, tmp_path, "--jobs", "2")[1]
    assert parallel == serial and len(serial) == 2  # ko and zh behind; ja followed


def test_the_reports_matrix_shows_outdated_and_orphaned_translations(tmp_path, capsys):
    other = {"content/en/docs/other.md": BASE_EN, "content/ko/docs/other.md": BASE_KO}
    commit_stages(tmp_path / "site", [{EN: BASE_EN, KO: BASE_KO, **other},
                                      {EN: edit(BASE_EN, "that stopped.", "that stopped making progress."),
                                       "content/en/docs/other.md": None}])
    out = tmp_path / "report.html"
    main(["report", str(tmp_path / "site"), "--no-config", "--no-cache", "-o", str(out)])
    cells = {c[3].rsplit("site/", 1)[-1]: c[4] for entry in report_data(out.read_text(encoding="utf-8"))["index"] for c in entry[2]}
    assert cells[KO] == ["outdated", "outdated 1 (low)", "1 commit behind: paragraph changed (3 words) at source line 8"]
    assert cells["content/ko/docs/other.md"] == ["orphan", "orphan", "source content/en/docs/other.md deleted"]



def test_a_log_read_in_spans_is_the_log_read_whole(tmp_path, monkeypatch):
    """Side by side, git reads the first-parent line in spans; joined, they are the one log:
    renames, deletions and a merge (one change against its first parent) included."""
    from contentlint.history import git as history_git

    commit_stages(tmp_path, [{EN: BASE_EN, KO: BASE_KO}, {EN: edit(BASE_EN, "that stopped.", "that stopped now.")},
                             {f"{KO} -> content/ko/docs/probe.md": BASE_KO}, {"content/en/docs/x.md": "# X\n"},
                             {"content/en/docs/x.md": None}])
    git(tmp_path, "checkout", "-q", "-b", "side", "HEAD~2")
    commit_stages(tmp_path, [{"content/en/docs/side.md": "# Side\n"}])
    git(tmp_path, "checkout", "-q", "main")
    git(tmp_path, "merge", "-q", "--no-ff", "-m", "merge", "side")
    commit_stages(tmp_path, [{EN: edit(BASE_EN, "that stopped.", "that stopped again.")}])
    top = str(tmp_path.resolve())
    head = history_git.run(top, "rev-parse", "HEAD").decode().strip()

    def read_log(jobs):
        return history_git.parse_log(top, head, False, history_git.raw_log(top, head, ["."], jobs))

    whole = read_log(1)
    monkeypatch.setattr(history_git, "SPAN", 1)
    for jobs in (2, 3):
        spans = read_log(jobs)
        assert (spans.commits, spans.versions, spans.renamed) == (whole.commits, whole.versions, whole.renamed)
    assert len(whole.commits) == 7 and "content/en/docs/side.md" in whole.versions


@pytest.mark.parametrize("ready", ["at once", "after the first article", "after the first article, none kept",
                                   "after the first article, none kept, no wait"])
def test_lags_computed_beside_the_lint_are_the_history_stages(tmp_path, capsys, monkeypatch, ready):
    """A whole run computes each article's lags in the lint's workers, from the documents they
    have parsed, once git has read the logs beside them (history/background.py); an article
    checked before then is kept and computed with a later one; one the worker may not keep
    waits for git, or, not read in time, is computed by the history stage. Either way the
    findings are the history stage's alone: several edits of a
    translation, a sync, a typo fixed elsewhere, a pin, uncommitted edits of a source and of a
    translation."""
    from contentlint.engine import history
    from contentlint.history import stage
    from contentlint.history.background import Background

    zh = "content/zh/docs/probes.md"
    stages = [{EN: BASE_EN, KO: BASE_KO, "content/ja/docs/probes.md": BASE_KO, zh: BASE_KO,
               "content/en/docs/other.md": BASE_EN, "content/ko/docs/other.md": BASE_KO},
              {EN: edit(BASE_EN, "that stopped.", "that stopped making progress.")},
              {"content/ja/docs/probes.md": edit(BASE_KO, "멈춘", "진행이 멈춘")},
              {KO: edit(BASE_KO, "파드를 만든다.", "파드를 만듭니다.")},
              {"content/en/docs/other.md": edit(BASE_EN, "Create the pod:", "Create the pod first:")}]
    commits = commit_stages(tmp_path, stages)
    (tmp_path / "content/ko/docs/other.md").write_text(BASE_KO.replace("title: 프로브", f"title: 프로브\nsource_commit: {commits[-1]}"), encoding="utf-8")
    (tmp_path / EN).write_text(edit(BASE_EN, "Probes run on the node.", "Probes run on every node."), encoding="utf-8")
    (tmp_path / zh).write_text(edit(BASE_KO, "## 사용법", "## 사용 방법"), encoding="utf-8")
    taken, asked = Background.repositories, []  # git is quicker than the lint's first article, but not for sure

    def repositories(self):
        asked.append(self)
        late = 0 if ready == "at once" else 2 if ready.endswith("no wait") else 1  # asked this often before git is done
        return None if len(asked) <= late else self._thread.join() or taken(self)
    monkeypatch.setattr(Background, "repositories", repositories)
    if "none kept" in ready:
        monkeypatch.setattr(history, "HELD", 0)
    if ready.endswith("no wait"):
        monkeypatch.setattr(history, "WAIT", 0)
    seen = []
    computed = stage.article_lags
    monkeypatch.setattr(stage, "article_lags", lambda *a: seen.append(computed(*a)) or seen[-1])
    beside = run(capsys, tmp_path, "--jobs", "1")[1]
    first = ["ko/docs/other.md"] if ready.endswith("no wait") else []  # other.md sorts first
    assert sorted(p.rsplit("content/", 1)[1] for lags in seen for p in lags) == \
        sorted({"ja/docs/probes.md", "ko/docs/other.md", "ko/docs/probes.md", "zh/docs/probes.md"} - set(first))
    assert len(asked) == (3 if "none kept" in ready else 2)  # a worker that may keep none asks again as it waits
    monkeypatch.setattr(history, "early", lambda *a: None)
    alone = run(capsys, tmp_path, "--jobs", "1")[1]
    assert beside == alone
    assert sorted((f["path"].rsplit("content/", 1)[1], f["rule"]) for f in alone) == \
        [("ja/docs/probes.md", "outdated-translation"), ("ko/docs/probes.md", "outdated-translation"),
         ("zh/docs/probes.md", "outdated-translation")]


def test_git_starts_reading_after_the_workers_are_forked(tmp_path, capsys, monkeypatch):
    """A worker forked while git starts through pipes would hold their ends open: the run's
    process then waits on git until the workers end, while they wait for the logs. So git's
    processes started before the fork (the log, git status) write to files, never pipes; the
    thread that waits for them and reads the rest starts once the lint's workers exist; and
    the run gives what it gives in one process."""
    import multiprocessing

    from contentlint.history import git as history_git
    from contentlint.history.background import Background

    base(tmp_path, {EN: edit(BASE_EN, "that stopped.", "that stopped making progress.")},
         {"content/en/docs/other.md": BASE_EN, "content/ko/docs/other.md": BASE_KO})
    workers_then, start, spawned, spawn = [], Background.start, [], history_git.Spawned.__init__

    def started(self):
        if self._thread.ident is None:
            workers_then.append(len(multiprocessing.active_children()))
        start(self)

    def spawning(self, *args):
        spawn(self, *args)
        spawned.append((len(multiprocessing.active_children()), self.proc.stdout, self.proc.stderr))
    monkeypatch.setattr(Background, "start", started)
    monkeypatch.setattr(history_git.Spawned, "__init__", spawning)
    forked = run(capsys, tmp_path, "--jobs", "2")[1]
    assert workers_then == [2]  # started once, with both workers forked
    assert spawned == [(0, None, None), (0, None, None)]  # the log and git status, before any worker, into files
    assert forked == run(capsys, tmp_path, "--jobs", "1")[1]
    assert [f["rule"] for f in forked] == ["outdated-translation"]


def test_a_run_that_ends_early_leaves_no_git_running(tmp_path):
    """Git's processes started for a run that then stops (an error, Ctrl-C) are ended with it,
    and their folder removed."""
    from contentlint.history.background import Background
    from contentlint.history.lag import Settings

    base(tmp_path)
    logs = Background(Settings(), [str(tmp_path / "content")], [str(tmp_path / "content")], 1)
    logs.launch()
    processes = [s.proc for *_, spans, status in logs._launched for s in [*spans, status]]
    assert processes and os.path.isdir(logs.folder)
    folder = logs.folder
    logs.close()
    assert all(p.poll() is not None for p in processes) and not os.path.exists(folder)


def test_a_repository_under_a_linked_folder_is_read_once(tmp_path, capsys, monkeypatch):
    """A checkout in a folder reached through a symbolic link (macOS's /tmp, say): its files'
    folders are not under the repository's real path as written, yet one log read serves
    them all."""
    from contentlint.history import git as history_git

    base(tmp_path / "real" / "site", {EN: edit(BASE_EN, "that stopped.", "that stopped making progress.")},
         {"content/en/docs/other.md": BASE_EN, "content/ko/docs/other.md": BASE_KO})
    (tmp_path / "link").symlink_to(tmp_path / "real", target_is_directory=True)
    reads = []
    raw_log = history_git.raw_log
    monkeypatch.setattr(history_git, "raw_log", lambda *a, **k: reads.append(a[0]) or raw_log(*a, **k))
    monkeypatch.setattr("contentlint.history.background.Background.__init__",
                        lambda self, *a: setattr(self, "tops", {}))  # the history stage alone reads the log
    linked = run(capsys, tmp_path / "link" / "site", "--jobs", "1")[1]
    assert [f["rule"] for f in linked] == ["outdated-translation"] and len(reads) == 1


def test_a_damaged_repository_stops_the_history_rules_not_the_run(tmp_path, capsys):
    """A repository missing an object its history names (a damaged or partial clone): git
    cannot list the history, so outdated-translation stops with a rule-error that says why
    (exit 2), once; the run's other rules still report, and `status` says why and exits 2."""
    base(tmp_path, {EN: edit(BASE_EN, "that stopped.", "that stopped making progress.")})
    tree = subprocess.run(["git", "rev-parse", "HEAD~1^{tree}"], cwd=tmp_path, capture_output=True, text=True,
                          check=True).stdout.strip()
    (tmp_path / ".git" / "objects" / tree[:2] / tree[2:]).unlink()  # loose, as the tests' commits leave it
    (tmp_path / KO).write_text(BASE_KO + "\n##붙은 제목\n", encoding="utf-8")  # a defect of another rule
    code = main(["check", str(tmp_path), "--no-config", "--no-cache", "--format", "json"])
    found = json.loads(capsys.readouterr().out)["findings"]
    errors = [f["message"] for f in found if f["rule"] == "rule-error"]
    assert code == 2 and len(errors) == 1 and "outdated-translation" in errors[0] and "cannot be read" in errors[0]
    assert any(f["rule"] not in ("rule-error", "outdated-translation", "orphan-translation") for f in found)
    assert main(["status", str(tmp_path), "--no-config", "--no-cache"]) == 2
    assert "cannot be read" in capsys.readouterr().err
    # orphan-translation alone says it too (it was silent: exit 0, nothing said)
    code = main(["check", str(tmp_path), "--no-config", "--no-cache", "--format", "json", "--select", "orphan-translation"])
    found = json.loads(capsys.readouterr().out)["findings"]
    assert code == 2 and [f["rule"] for f in found] == ["rule-error"] and "orphan-translation" in found[0]["message"]


def test_a_partial_clone_is_never_fetched_from(tmp_path, capsys):
    """A clone made with `--filter=blob:none` lacks the old versions' blobs: git is never let
    fetch them (no network at run time), so the history rules stop with a rule-error that
    says why, instead of reading the missing versions as empty (which hid an outdated
    translation)."""
    base(tmp_path / "origin", {EN: edit(BASE_EN, "that stopped.", "that stopped making progress.")})
    subprocess.run(["git", "config", "uploadpack.allowfilter", "true"], cwd=tmp_path / "origin", check=True)
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", "--filter=blob:none", (tmp_path / "origin").as_uri(), str(clone)], check=True)
    old = subprocess.run(["git", "rev-parse", f"HEAD~1:{EN}"], cwd=clone, capture_output=True, text=True,
                         check=True).stdout.strip()
    probe = subprocess.run(["git", "cat-file", "-e", old], cwd=clone, env={**os.environ, "GIT_NO_LAZY_FETCH": "1"},
                           capture_output=True)
    if probe.returncode == 0:
        pytest.skip("this git fetches a partial clone's objects whatever GIT_NO_LAZY_FETCH says")
    code, found = run(capsys, clone)
    assert code == 2 and [f["rule"] for f in found] == ["rule-error"]
    assert "an object of the history is missing" in found[0]["message"]
    assert main(["status", str(clone), "--no-config", "--no-cache"]) == 2


def test_the_log_is_kept_by_head_between_runs(tmp_path, capsys, monkeypatch):
    """A run after an uncommitted edit (pre-commit's, with the file named) reads the log the
    run before kept for the same HEAD, and git status of the files asked about alone; a new
    commit moves HEAD and the log is read again, with that commit in it."""
    from contentlint.history import git as history_git

    base(tmp_path)
    monkeypatch.chdir(tmp_path)  # the cache lives beside the configuration: here
    reads, statuses = [], []
    log_spans, status_of = history_git.log_spans, history_git.status_of  # every read of a log asks for its spans
    monkeypatch.setattr(history_git, "log_spans", lambda *a, **k: reads.append(a[1]) or log_spans(*a, **k))
    monkeypatch.setattr(history_git, "status_of", lambda top, paths: statuses.append(paths) or status_of(top, paths))

    def check(*args):
        code = main(["check", "--no-config", "--select", "CL519,CL520", "--format", "json", *(args or ["."])])
        return code, [f["message"][:40] for f in json.loads(capsys.readouterr().out)["findings"]]

    assert check() == (0, []) and len(reads) == 1
    (tmp_path / EN).write_text(edit(BASE_EN, "that stopped.", "that stopped making progress."), encoding="utf-8")
    statuses.clear()
    code, found = check("--changed", EN)  # pre-commit's run
    assert found == ["outdated (low): the source has uncommitt"] and len(reads) == 1
    assert statuses == [[os.path.join("content", "ko", "docs", "probes.md"), EN]]
    git(tmp_path, "commit", "-qam", "source edit")
    code, found = check()
    assert found == ["outdated (low): the source changed in 1 "] and len(reads) == 2 and reads[0] != reads[1]


def test_a_deepened_shallow_clone_is_read_again(tmp_path, capsys, monkeypatch):
    """A fetch that deepens a shallow clone keeps HEAD: the kept log and result must not hide
    the history it brought (the source changed after its translation)."""
    base(tmp_path / "origin", {EN: edit(BASE_EN, "that stopped.", "that stopped making progress.")})
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", "--depth", "1", f"file://{tmp_path / 'origin'}", str(clone)],
                   check=True, capture_output=True)
    monkeypatch.chdir(clone)  # the cache lives beside the configuration: here

    def rules():
        main(["check", ".", "--no-config", "--select", "CL519", "--format", "json"])
        return [f["rule"] for f in json.loads(capsys.readouterr().out)["findings"]]

    assert rules() == []  # one commit seen: the translation seems to follow the source
    subprocess.run(["git", "fetch", "-q", "--unshallow"], cwd=clone, check=True, capture_output=True)
    assert rules() == ["outdated-translation"]


def test_a_renamed_sources_uncommitted_edit_counts_in_pre_commit(tmp_path, capsys, monkeypatch):
    """Pre-commit asks git status about its groups' files alone; a renamed source the orphan's
    lag is read against is asked about too, so its uncommitted edit is the newest state."""
    moved = "content/en/docs/health-probes.md"
    base(tmp_path, {f"{EN} -> {moved}": ""})
    (tmp_path / moved).write_text(edit(BASE_EN, "that stopped.", "that stopped making progress."), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    main(["check", "--no-config", "--no-cache", "--select", "CL519,CL520", "--format", "json", "--changed", KO])
    found = json.loads(capsys.readouterr().out)["findings"]
    assert sorted(f["rule"] for f in found) == ["orphan-translation", "outdated-translation"]
    assert "uncommitted" in next(f for f in found if f["rule"] == "outdated-translation")["message"]
