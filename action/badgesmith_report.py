#!/usr/bin/env python3
"""BadgeSmith test results: the logic of the GitHub Action in action.yml.

Inputs arrive as INPUT_* environment variables (action.yml passes each with `env:`, never by
interpolating into the shell script), the run's context as the runner's GITHUB_* variables.

Counts mode (no `reports`): builds the test-result payload, signs it with scheme v2
(docs/signing.md) and posts it. Reports mode (`reports` set): hands the globs to
`badgesmith report` from PATH, which reads the reports itself. Either way the badge Markdown
goes to the job summary.

Exit status: 0 on success, and also when the server refused or could not be reached unless
`fail-on-error` is true (then 1): a badge must not break a build. 2 for a configuration error
(bad counts, no server, `reports` without a `badgesmith` binary), which retrying cannot fix. In
reports mode, `badgesmith report`'s own status.

Python 3.8+, standard library only, so it runs on every hosted runner (Linux, macOS, Windows)
without a setup step.
"""

import datetime
import hashlib
import hmac
import json
import os
import secrets
import shutil
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

DOCS = "docs/ci.md (\"Getting the badgesmith binary\") in the BadgeSmith repository"
RETRIES = 3  # After the first attempt; only for answers a later attempt may change.
TIMEOUT_S = 30


class ConfigError(Exception):
    """A mistake in the workflow: fails the step whatever fail-on-error says."""


def escape_command(text):
    # Workflow command values end at a line break; GitHub's own escaping keeps one message one
    # line, so nothing from a server answer can start a command of its own.
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def warning(text):
    print("::warning title=BadgeSmith::" + escape_command(text), flush=True)


def error(text):
    print("::error title=BadgeSmith::" + escape_command(text), flush=True)


def read_input(name, *aliases):
    """The first non-empty of INPUT_<name> and its aliases (the .NET action's names)."""
    for key in (name,) + aliases:
        value = os.environ.get("INPUT_" + key.upper().replace("-", "_"), "").strip()
        if value:
            return value
    return ""


def read_secret():
    # Bytes as the runner passed them (os.fsencode undoes Python's decoding on every OS); one
    # trailing newline from a pasted secret is dropped, as `badgesmith secrets set` drops it.
    raw = os.environ.get("INPUT_SECRET", "")
    secret = os.fsencode(raw)
    for ending in (b"\r\n", b"\n"):
        if secret.endswith(ending):
            secret = secret[: -len(ending)]
            break
    if secret and os.environ.get("GITHUB_ACTIONS") == "true":
        # The runner consumes these lines and masks the values in everything after; a secret
        # from secrets.* is masked already, one computed by an earlier step is not.
        for line in raw.splitlines():
            if line.strip():
                print("::add-mask::" + line, flush=True)
    return secret


def count(name, alias):
    value = read_input(name, alias)
    if not value:
        raise ConfigError("input '%s' (or '%s') is required without 'reports'" % (name, alias))
    if not value.isascii() or not value.isdigit():
        raise ConfigError("input '%s' must be a non-negative integer, got %r" % (name, value))
    return int(value)


class Context:
    """Where the result belongs, from inputs first and the runner's variables second."""

    def __init__(self):
        self.server = read_input("server").rstrip("/")
        if not self.server.startswith(("https://", "http://")):
            raise ConfigError("input 'server' must be the service's http(s) base URL")
        self.platform = (read_input("platform") or os.environ.get("RUNNER_OS", "")).lower()
        repository = read_input("repository") or os.environ.get("GITHUB_REPOSITORY", "")
        self.owner, _, self.repo = repository.partition("/")
        # A pull request's GITHUB_REF_NAME is "123/merge"; its head branch is what people read.
        self.branch = (read_input("branch") or os.environ.get("GITHUB_HEAD_REF", "")
                       or os.environ.get("GITHUB_REF_NAME", ""))
        self.commit = read_input("commit_sha") or os.environ.get("GITHUB_SHA", "")
        self.run_id = read_input("run_id") or os.environ.get("GITHUB_RUN_ID", "")
        attempt = os.environ.get("GITHUB_RUN_ATTEMPT", "") or "1"
        self.run_attempt = int(attempt) if attempt.isascii() and attempt.isdigit() else 1
        github = (read_input("server_url") or os.environ.get("GITHUB_SERVER_URL", "")
                  or "https://github.com").rstrip("/")
        self.workflow_run_url = "%s/%s/actions/runs/%s" % (github, repository, self.run_id)
        self.url_html = read_input("url_html", "test_url_html") or self.workflow_run_url
        missing = [name for name, value in (("platform (or RUNNER_OS)", self.platform),
                                            ("repository (or GITHUB_REPOSITORY)", self.repo),
                                            ("branch (or GITHUB_REF_NAME)", self.branch),
                                            ("commit_sha (or GITHUB_SHA)", self.commit),
                                            ("run_id (or GITHUB_RUN_ID)", self.run_id)) if not value]
        if missing or not self.owner:
            raise ConfigError("missing " + ", ".join(missing or ["owner in repository"]))

    def path(self):
        # Every segment fully encoded: '/' in a branch as %2F, ' ' as %20, '+' as %2B (a raw '+'
        # would be a literal plus anyway, but a space must never be sent as one).
        segments = (self.platform, self.owner, self.repo, self.branch)
        return "/".join(urllib.parse.quote(os.fsencode(s), safe="") for s in segments)

    def badge_markdown(self):
        badge = "%s/badges/tests/%s?format=svg" % (self.server, self.path())
        link = "%s/redirect/test-results/%s" % (self.server, self.path())
        return badge, link, "[![tests](%s)](%s)" % (badge, link)


def signed_headers(secret, context, body):
    """Scheme v2 (docs/signing.md): HMAC-SHA256 over the method, the decoded path values (ASCII
    lower-cased: bytes.lower() leaves UTF-8 alone), timestamp, nonce and the body's SHA-256."""
    now = datetime.datetime.now(datetime.timezone.utc)
    timestamp = now.strftime("%Y-%m-%dT%H:%M:%S.") + "%03dZ" % (now.microsecond // 1000)
    nonce = secrets.token_urlsafe(24)
    names = ("post", context.platform, context.owner, context.repo, context.branch)
    canonical = b"\n".join([b"BADGESMITH-HMAC-SHA256"] + [os.fsencode(n).lower() for n in names]
                           + [timestamp.encode(), nonce.encode(),
                              hashlib.sha256(body).hexdigest().encode()])
    signature = "sha256=" + hmac.new(secret, canonical, hashlib.sha256).hexdigest()
    return {"Content-Type": "application/json", "X-Timestamp": timestamp, "X-Nonce": nonce,
            "X-Signature": signature}


def retry_delay(attempt, retry_after):
    delay = 2 ** attempt
    if retry_after and retry_after.strip().isdigit():
        delay = int(retry_after.strip())
    return min(delay, 30)


def post(secret, context, body):
    """(status, answer text); status 0 when the server could not be reached. Each attempt is
    signed afresh: the server refuses a nonce it has seen, and accepts the same body again as a
    retry of the same run (200)."""
    url = "%s/tests/results/%s" % (context.server, context.path())
    status, answer = 0, ""
    for attempt in range(RETRIES + 1):
        retry_after = None
        request = urllib.request.Request(url, data=body, method="POST",
                                         headers=signed_headers(secret, context, body))
        try:
            with urllib.request.urlopen(request, timeout=TIMEOUT_S) as response:
                return response.status, response.read().decode("utf-8", "replace")
        except urllib.error.HTTPError as failure:
            status = failure.code
            answer = failure.read().decode("utf-8", "replace")
            retry_after = failure.headers.get("Retry-After")
            if status not in (408, 429) and status < 500:
                return status, answer
        except (urllib.error.URLError, OSError) as failure:
            status, answer = 0, str(getattr(failure, "reason", failure))
        if attempt < RETRIES:
            delay = retry_delay(attempt, retry_after)
            print("badgesmith: attempt %d failed (%s); retrying in %d s"
                  % (attempt + 1, status or answer, delay), flush=True)
            time.sleep(delay)
    return status, answer


def read_counts():
    return tuple(count(name, "test_" + name) for name in ("passed", "failed", "skipped"))


def report_counts(context, secret, counts):
    passed, failed, skipped = counts
    payload = {
        "platform": context.platform,
        "passed": passed,
        "failed": failed,
        "skipped": skipped,
        "total": passed + failed + skipped,
        "url_html": context.url_html,
        "timestamp": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "commit": context.commit,
        "run_id": context.run_id,
        "workflow_run_url": context.workflow_run_url,
        "run_attempt": context.run_attempt,
    }
    body = json.dumps(payload, separators=(",", ":"), ensure_ascii=False).encode("utf-8")
    status, answer = post(secret, context, body)
    # One line whatever the server sent, so an answer cannot pose as a workflow command.
    answer = " ".join(answer.split())[:500]
    print("badgesmith: %s -> %s %s" % (context.server, status or "unreachable", answer),
          flush=True)
    if 200 <= status < 300:
        return True, "%d passed, %d failed, %d skipped" % (passed, failed, skipped)
    warning("test results not recorded (%s): %s" % (status or "server unreachable", answer))
    return False, None


def report_files(context, secret, fail_on_error):
    binary = shutil.which("badgesmith")
    if not binary:
        raise ConfigError("input 'reports' needs the badgesmith binary on PATH (how to build "
                          "it: %s); or pass the counts instead" % DOCS)
    globs = [line.strip() for line in read_input("reports").splitlines() if line.strip()]
    command = [binary, "report"] + globs + [
        "--server", context.server, "--platform", context.platform,
        "--repo", context.owner + "/" + context.repo, "--branch", context.branch,
        "--commit", context.commit, "--run-id", context.run_id,
        "--run-attempt", str(context.run_attempt), "--url-html", context.url_html,
        "--workflow-run-url", context.workflow_run_url, "--secret-env", "BADGESMITH_SECRET"]
    if fail_on_error:
        command.append("--fail-on-error")
    environment = dict(os.environ)
    environment.pop("INPUT_SECRET", None)
    environment["BADGESMITH_SECRET"] = os.fsdecode(secret)
    sys.stdout.flush()
    return subprocess.call(command, env=environment)


def write_summary(context, counts_message):
    badge, link, markdown = context.badge_markdown()
    print("badgesmith: badge %s\nbadgesmith: link  %s" % (badge, link), flush=True)
    summary = os.environ.get("GITHUB_STEP_SUMMARY")
    if not summary:
        return
    heading = "### Test results (%s)" % context.platform
    lines = [heading, "", markdown, ""]
    if counts_message:
        lines += [counts_message, ""]
    lines += ["README Markdown:", "", "```markdown", markdown, "```", ""]
    with open(summary, "a", encoding="utf-8") as f:
        f.write("\n".join(lines))


def main():
    fail_on_error = read_input("fail-on-error").lower() == "true"
    secret = read_secret()
    try:
        context = Context()
        reports = read_input("reports")
        # Checked before the secret, so a broken workflow shows on pull requests from forks too.
        counts = None if reports else read_counts()
        if not secret:
            # Secrets are withheld from pull requests opened from forks; that is no failure.
            warning("input 'secret' is empty (a pull request from a fork?); nothing reported")
            return 1 if fail_on_error else 0
        if reports:
            status = report_files(context, secret, fail_on_error)
            if status == 0:
                write_summary(context, None)
            return status
        accepted, message = report_counts(context, secret, counts)
        if accepted:
            write_summary(context, message)
        return 0 if accepted or not fail_on_error else 1
    except ConfigError as problem:
        error(str(problem))
        return 2


if __name__ == "__main__":
    sys.exit(main())
