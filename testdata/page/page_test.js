// page_test.js: opens gosub's SSA explorer page (ssa/ssahtml.c) in headless Chromium
// through playwright-core, fails on any script error, clicks a value and checks that it
// is highlighted in every SSA column, clicks a source line, a block and a node of the
// escape graph, and saves a screenshot.
//
// Usage: node testdata/page/page_test.js GOSUB [OUTDIR]
//   (run `npm ci` in testdata/page first; Chromium from Debian's chromium package)
// Prints "N passed, N failed" last, like testdata/harness.py; exit status 0 iff all pass.
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { execFileSync } = require('child_process');
const { chromium } = require('playwright-core');

const here = __dirname;
const gosub = process.argv[2];
const outdir = process.argv[3] || path.join(here, 'out');
const chromiumPath = process.env.CHROMIUM || '/usr/bin/chromium';

let passed = 0, failed = 0;
function check(ok, what) {
  if (ok) {
    passed++;
  } else {
    failed++;
    console.log('FAIL ' + what);
  }
}

async function main() {
  if (!gosub) {
    console.log('usage: node page_test.js GOSUB [OUTDIR]');
    process.exit(2);
  }
  fs.mkdirSync(outdir, { recursive: true });
  const page_html = path.join(outdir, 'page.html');
  execFileSync(gosub, ['ssa', '-html', page_html, '-func', 'sum',
    path.join(here, 'example.go')], { stdio: 'inherit' });

  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'gosub-chromium-'));
  const ctx = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    headless: true,
    viewport: { width: 1600, height: 900 },
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
  const errors = [];
  try {
    const page = ctx.pages()[0] || await ctx.newPage();
    page.on('pageerror', (e) => errors.push('pageerror: ' + e.message));
    page.on('console', (m) => { if (m.type() === 'error') errors.push('console: ' + m.text()); });
    page.on('request', (r) => {
      if (!r.url().startsWith('file:') && !r.url().startsWith('data:'))
        errors.push('network request: ' + r.url());
    });
    await page.goto('file://' + page_html);

    const passes = await page.$$eval('.col.pass', (cs) => cs.map((c) => c.dataset.pass));
    check(passes.length >= 5 && passes[0] === 'build' && passes[1] === 'mem2reg',
      'columns: build, mem2reg, ... (got ' + passes.join(' ') + ')');

    // Click v1 (the parameter xs, alive in every pass) in the mem2reg column.
    await page.click('.col[data-pass="mem2reg"] .vr.v1');
    const hl = await page.$$eval('.col.pass', (cs) => cs.map((c) =>
      c.querySelectorAll('.v1.hl1').length));
    check(hl.length === passes.length && hl.every((n) => n > 0),
      'v1 highlighted in every column (per column: ' + hl.join(' ') + ')');
    // Its dominance and source views are untouched by a value click; a second click clears.
    await page.click('.col[data-pass="build"] .vr.v1');
    const cleared = await page.$$eval('.hl1', (l) => l.length);
    check(cleared === 0, 'second click clears the highlight (' + cleared + ' left)');

    // A source line highlights the values made from it in every column.
    const line = await page.$eval('.src', (e) => {
      const l = Array.prototype.find.call(document.querySelectorAll('.src'),
        (s) => s.textContent.indexOf('total += xs[i]') >= 0);
      return l ? l.className.split(' ')[1] : null;
    });
    check(line !== null, 'source line "total += xs[i]" present');
    if (line) {
      await page.click('.src.' + line);
      const n = await page.$$eval('.col[data-pass="build"] .vl.hl2', (l) => l.length);
      check(n > 0, 'clicking source ' + line + ' highlights its values in build (' + n + ')');
    }

    // A block: its references and, when graphviz drew the CFG, its SVG node.
    await page.click('.col[data-pass="mem2reg"] .br.b2');
    const bn = await page.$$eval('.br.b2.hl3', (l) => l.length);
    check(bn > 1, 'block b2 highlighted (' + bn + ' references)');
    const svgs = await page.$$eval('svg', (l) => l.length);
    if (svgs > 0) {
      const nodes = await page.$$eval('g[data-b="b2"].hl3', (l) => l.length);
      check(nodes > 0, 'b2 highlighted in the SVG CFGs (' + nodes + ')');
    }

    // Panels.
    const dom = await page.$eval('#dominance pre', (e) => e.textContent);
    check(/phi for \w+ in b\d+: \w+ defined in b\d+/.test(dom), 'dominance panel gives phi reasons');
    const esc = await page.$eval('#escape', (e) => e.textContent);
    check(esc.indexOf('heap') >= 0 && esc.indexOf('escapes to heap') >= 0,
      'escape panel shows new(int) going to the heap with its -m=2 lines');

    // The escape graph: new(int)'s storage is a heap node; clicking it (when graphviz
    // drew the graph) highlights its source line.
    const graph = await page.$eval('#escgraph', (e) => e.textContent).catch(() => '');
    check(/storage for new\(int\)\}?\s*line 13\s*heap/.test(graph),
      'escape graph shows {storage for new(int)} at line 13 on the heap');
    if (svgs > 0) {
      const key = await page.$$eval('#escgraph g[data-b]', (l) => {
        const g = l.find((n) => n.textContent.indexOf('new(int)') >= 0);
        return g ? g.getAttribute('data-b') : null;
      });
      check(key === 'L13', 'escape graph node of new(int) is linked to line 13 (' + key + ')');
      if (key) {
        await page.click('#escgraph g[data-b="' + key + '"] text');
        const src = await page.$$eval('.src.' + key, (l) =>
          l.filter((e) => /\bhl\d\b/.test(e.className)).length);
        check(src > 0, 'clicking the graph node highlights source line 13 (' + src + ')');
      }
    }

    // Open the mem2reg CFG for the screenshot.
    await page.click('.col[data-pass="mem2reg"] summary');
    await page.click('.col[data-pass="mem2reg"] .vr.v1');
    await page.screenshot({ path: path.join(outdir, 'page.png') });
    check(fs.existsSync(path.join(outdir, 'page.png')), 'screenshot saved');
    await page.locator('#escape').screenshot({ path: path.join(outdir, 'escape.png') });
    check(fs.existsSync(path.join(outdir, 'escape.png')), 'escape panel screenshot saved');
  } finally {
    await ctx.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
  for (const e of errors)
    console.log('FAIL ' + e);
  failed += errors.length;
  console.log(passed + ' passed, ' + failed + ' failed');
  process.exit(failed ? 1 : 0);
}

main().catch((e) => {
  console.log('FAIL ' + (e && e.stack || e));
  console.log(passed + ' passed, ' + (failed + 1) + ' failed');
  process.exit(1);
});
