#!/usr/bin/env python3
"""Signs a test-result upload for BadgeSmith (signature scheme v2, docs/signing.md).

The key comes from a file (--secret-file; one trailing newline is ignored) or from the
BADGESMITH_TESTDATA_SECRET environment variable, never from the command line, where any local
user could read it in the process list. Python 3 standard library only.

Without --post, prints the three signing headers, one per line, for `curl -H @FILE`. With
--post BASE_URL, sends the body itself and prints the status and the response; the exit status
is 0 only for a 2xx answer.
"""

import argparse
import datetime
import hashlib
import hmac
import os
import secrets
import sys
import urllib.error
import urllib.parse
import urllib.request

ALGORITHM = b"BADGESMITH-HMAC-SHA256"
SECRET_ENV = "BADGESMITH_TESTDATA_SECRET"


def canonical_request(method, platform, owner, repo, branch, timestamp, nonce, body):
    """The bytes to sign. Path values are the decoded names, as UTF-8 (or the raw bytes the
    command line gave); bytes.lower() lower-cases ASCII A-Z only, as the scheme requires."""
    path_lines = [os.fsencode(value).lower() for value in (method, platform, owner, repo, branch)]
    body_hash = hashlib.sha256(body).hexdigest().encode("ascii")
    return b"\n".join([ALGORITHM, *path_lines, timestamp.encode("ascii"),
                       nonce.encode("ascii"), body_hash])


def sign(secret, canonical):
    return "sha256=" + hmac.new(secret, canonical, hashlib.sha256).hexdigest()


def now_timestamp():
    now = datetime.datetime.now(datetime.timezone.utc)
    return now.strftime("%Y-%m-%dT%H:%M:%S.") + "%03dZ" % (now.microsecond // 1000)


def read_secret(secret_file):
    if secret_file:
        with open(secret_file, "rb") as f:
            secret = f.read()
        if secret.endswith(b"\r\n"):
            secret = secret[:-2]
        elif secret.endswith(b"\n"):
            secret = secret[:-1]
    else:
        secret = os.environb.get(SECRET_ENV.encode(), b"")
    if not secret:
        sys.exit("sign-test-results: no key: pass --secret-file or set " + SECRET_ENV)
    return secret


def ingestion_path(platform, owner, repo, branch):
    # Every segment fully encoded: '/' in a branch as %2F, a space as %20, '+' as %2B.
    segments = [urllib.parse.quote(os.fsencode(v), safe="") for v in (platform, owner, repo, branch)]
    return "/tests/results/" + "/".join(segments)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--platform", required=True)
    parser.add_argument("--owner", required=True)
    parser.add_argument("--repo", required=True)
    parser.add_argument("--branch", required=True, help="the branch name, not URL-encoded")
    parser.add_argument("--body", required=True, help="file holding the JSON payload; - for stdin")
    parser.add_argument("--secret-file", help="file holding the key (else $" + SECRET_ENV + ")")
    parser.add_argument("--post", metavar="BASE_URL", help="send the request, e.g. https://host")
    parser.add_argument("--method", default="POST", help=argparse.SUPPRESS)
    parser.add_argument("--timestamp", help="X-Timestamp to use (default: now), for reproducing")
    parser.add_argument("--nonce", help="X-Nonce to use (default: random), for reproducing")
    args = parser.parse_args()

    secret = read_secret(args.secret_file)
    if args.body == "-":
        body = sys.stdin.buffer.read()
    else:
        with open(args.body, "rb") as f:
            body = f.read()
    timestamp = args.timestamp or now_timestamp()
    nonce = args.nonce or secrets.token_urlsafe(24)
    canonical = canonical_request(args.method, args.platform, args.owner, args.repo, args.branch,
                                  timestamp, nonce, body)
    headers = {"X-Timestamp": timestamp, "X-Nonce": nonce, "X-Signature": sign(secret, canonical)}

    if not args.post:
        for name, value in headers.items():
            print(name + ": " + value)
        return 0

    url = args.post.rstrip("/") + ingestion_path(args.platform, args.owner, args.repo, args.branch)
    headers["Content-Type"] = "application/json"
    request = urllib.request.Request(url, data=body, headers=headers, method=args.method)
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            status, answer = response.status, response.read()
    except urllib.error.HTTPError as error:
        status, answer = error.code, error.read()
    print(status)
    sys.stdout.flush()
    sys.stdout.buffer.write(answer + b"\n")
    return 0 if 200 <= status < 300 else 1


if __name__ == "__main__":
    sys.exit(main())
