#!/usr/bin/env python3
"""Swift size limits of issue 23: no file over 400 lines, no function (func, init, closure
property) over 80 lines. Usage: Scripts/check_sizes.py [FOLDER ...] (default: Sources).
Prints each violation; exits 1 if there is one. A brace count, not a parser: braces inside
string literals are ignored, those in comments are not."""
import re, sys, os
roots = sys.argv[1:] or ["Sources"]
decl = re.compile(r'^\s*(?:@\w+\s+)*(?:(?:public|private|fileprivate|internal|package|static|override|mutating|final|class|@discardableResult|nonisolated)\s+)*(func\s|init[?!]?\s*[(<]|(?:static\s+)?(?:let|var)\s+\w+\s*(?::[^=]*)?=\s*\{|var\s+\w+\s*:\s*[^={]+\{)')
bad = 0
for root in roots:
    for dp, _, fs in os.walk(root):
        for f in fs:
            if not f.endswith('.swift'): continue
            p = os.path.join(dp, f); lines = open(p).read().split('\n')
            if len(lines) - 1 > 400: print(f"FILE {p}: {len(lines)-1} lines"); bad += 1
            i = 0
            while i < len(lines):
                if decl.match(lines[i]) and not lines[i].strip().startswith('//'):
                    depth = 0; started = False; j = i
                    while j < len(lines):
                        code = re.sub(r'"(?:\\.|[^"\\])*"', '""', lines[j].split('//')[0] if '"' not in lines[j] else lines[j])
                        depth += code.count('{') - code.count('}')
                        if code.count('{'): started = True
                        if started and depth <= 0: break
                        j += 1
                    n = j - i + 1
                    if n > 80: print(f"FUNC {p}:{i+1}: {n} lines: {lines[i].strip()[:70]}"); bad += 1
                i += 1
print("violations:", bad)
sys.exit(1 if bad else 0)
