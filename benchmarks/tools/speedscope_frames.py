#!/usr/bin/env python3
"""Inclusive and exclusive time per frame of a dotnet-trace profile converted to speedscope
(`dotnet-trace convert X.nettrace --format speedscope`), counting only the time spent under a root frame, so that
start-up, corpus loading and the other threads are left out.

usage: speedscope_frames.py FILE.speedscope.json ROOT_SUBSTRING [N] [--callers FRAME | --children FRAME]
  e.g. speedscope_frames.py entity.speedscope.json SearchExecutor.Execute 30
       speedscope_frames.py entity.speedscope.json SearchExecutor.Execute 10 --children SearchExecutor.Execute
Exclusive time skips the CPU_TIME / UNMANAGED_CODE_TIME pseudo-frames the converter adds.
"""
import json, sys, collections
f, root = sys.argv[1], sys.argv[2]
n = int(sys.argv[3]) if len(sys.argv) > 3 and sys.argv[3].isdigit() else 40
callers = sys.argv[sys.argv.index('--callers')+1] if '--callers' in sys.argv else None
children = sys.argv[sys.argv.index('--children')+1] if '--children' in sys.argv else None
d = json.load(open(f))
frames = [fr['name'] for fr in d['shared']['frames']]
incl = collections.Counter(); excl = collections.Counter(); total = 0.0
calls = collections.Counter(); kids = collections.Counter()
for p in d['profiles']:
    stack = []; last = None
    for ev in p['events']:
        t = ev['at']
        if last is not None and stack:
            dt = t - last
            names = [frames[i] for i in stack]
            ri = next((k for k, nm in enumerate(names) if root in nm), None)
            if ri is not None:
                total += dt
                sub = names[ri:]
                for nm in set(sub): incl[nm] += dt
                leaf = [x for x in sub if x not in ('CPU_TIME','UNMANAGED_CODE_TIME')]
                excl[leaf[-1] if leaf else sub[-1]] += dt
                if callers:
                    for k, nm in enumerate(names):
                        if callers in nm and k > 0: calls[names[k-1]] += dt; break
                if children:
                    for k, nm in enumerate(sub):
                        if children in nm:
                            kids[sub[k+1] if k+1 < len(sub) else '<self>'] += dt; break
        last = t
        if ev['type'] == 'O': stack.append(ev['frame'])
        else:
            if stack: stack.pop()
def short(s): return s[:110]
print(f'total under {root}: {total:.1f} ms')
if callers:
    for k, v in calls.most_common(n): print(f'{100*v/total:6.2f}%  {short(k)}')
elif children:
    for k, v in kids.most_common(n): print(f'{100*v/total:6.2f}%  {short(k)}')
else:
    print('-- inclusive'); [print(f'{100*v/total:6.2f}%  {short(k)}') for k, v in incl.most_common(n)]
    print('-- exclusive'); [print(f'{100*v/total:6.2f}%  {short(k)}') for k, v in excl.most_common(n)]
