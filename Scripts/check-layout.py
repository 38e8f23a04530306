#!/usr/bin/env python3
"""Checks the size limits of the Swift sources: no file over 400 lines, no function (func, init,
deinit, subscript, computed property or closure-bodied declaration) over 80 lines.

    Scripts/check-layout.py [Sources]        exit 1 and a list when a limit is passed
"""
import os, re, sys

MAX_FILE, MAX_FUNCTION = 400, 80
DECL = re.compile(r'^\s*(?:@[\w().,: ]+\s+)*(?:(?:public|package|internal|private|fileprivate|open|static|class|final|'
                  r'override|mutating|nonmutating|convenience|required|nonisolated|@inlinable|@inline\(__always\))\s+)*'
                  r'(func\s+[^\s(<]+|init[?!]?|deinit|subscript)\b')


def strip_strings(line):
    # Drops string literals and line comments, so braces inside them do not count.
    line = re.sub(r'"(?:\\.|[^"\\])*"', '""', line)
    return line.split('//', 1)[0]


def functions(lines):
    i = 0
    while i < len(lines):
        m = DECL.match(lines[i])
        if not m:
            i += 1
            continue
        depth, started, j = 0, False, i
        in_multiline = False
        while j < len(lines):
            text = lines[j]
            if text.count('"""') % 2 == 1:
                in_multiline = not in_multiline
                j += 1
                continue
            if not in_multiline:
                code = strip_strings(text)
                depth += code.count('{') - code.count('}')
                started = started or '{' in code
            if started and depth <= 0:
                break
            if not started and j > i + 12:  # a protocol requirement: no body
                break
            j += 1
        if started:
            yield m.group(1), i + 1, j - i + 1
        i += 1


def main(root):
    problems = []
    for folder, _, files in os.walk(root):
        for name in files:
            if not name.endswith('.swift'):
                continue
            path = os.path.join(folder, name)
            lines = open(path, encoding='utf-8').read().split('\n')
            if len(lines) > MAX_FILE:
                problems.append(f'{path}: {len(lines)} lines (limit {MAX_FILE})')
            for what, line, count in functions(lines):
                if count > MAX_FUNCTION:
                    problems.append(f'{path}:{line}: {what} is {count} lines (limit {MAX_FUNCTION})')
    for p in sorted(problems):
        print(p)
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else 'Sources'))
