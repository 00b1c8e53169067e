// <siyu-chart>: draws the SDK's org.siyu.api.ui.chart.Chart with Apache ECharts. The server writes the chart's
// spec (ChartSpec serialised, texts already in the user's language) to the `spec` property; everything about how
// it looks (options per kind, number formats, theme colours, resizing, "no data") lives here, so plugins carry
// no JavaScript and the renderer can change without touching them.
//
// Served by the shell from its jar (META-INF/resources/siyu/chart/), loaded by every page (SiyuAppShell). ECharts
// itself (about 1 MB) is imported only when the first chart of a page draws, so pages without charts do not pay.
// See docs/adr/0010-charts.md for why this is not part of Vaadin's compiled front-end bundle.

let echartsLoading = null;
function loadECharts() {
  if (!echartsLoading) {
    echartsLoading = import(new URL('./echarts/echarts.esm.min.js', import.meta.url).href);
  }
  return echartsLoading;
}

const STYLE = `
  :host { display: block; position: relative; min-height: 8rem; }
  :host([hidden]) { display: none; }
  .chart { position: absolute; inset: 0; }
  .no-data {
    position: absolute; inset: 0; display: flex; flex-direction: column; align-items: center;
    justify-content: center; gap: .5rem; color: var(--lumo-secondary-text-color, #666);
    font-family: var(--lumo-font-family, sans-serif); font-size: var(--lumo-font-size-s, .875rem);
  }
  .no-data .title { color: var(--lumo-body-text-color, #222); font-weight: 600; }
  .no-data[hidden], .chart[hidden] { display: none; }
`;

// Resolves a CSS colour (custom properties, color-mix, oklch …) to rgba(), which ECharts understands.
function resolveColour(host, cssValue, fallback) {
  const probe = document.createElement('span');
  probe.style.color = cssValue;
  probe.style.display = 'none';
  host.shadowRoot.appendChild(probe);
  const computed = getComputedStyle(probe).color;
  probe.remove();
  if (!computed) {
    return fallback;
  }
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = 1;
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (!ctx) {
    return fallback;
  }
  ctx.clearRect(0, 0, 1, 1);
  ctx.fillStyle = fallback;
  ctx.fillStyle = computed; // ignored by the canvas if it cannot parse it: the fallback stays
  ctx.fillRect(0, 0, 1, 1);
  const [r, g, b, a] = ctx.getImageData(0, 0, 1, 1).data;
  return `rgba(${r}, ${g}, ${b}, ${(a / 255).toFixed(3)})`;
}

function formatter(format, locale, compact) {
  const lang = locale || undefined;
  switch (format) {
    case 'FEN': {
      const yuan = new Intl.NumberFormat(lang, {
        minimumFractionDigits: compact ? 0 : 2,
        maximumFractionDigits: 2,
      });
      return (v) => (v == null || v === '-' ? '-' : (v < 0 ? '-¥' : '¥') + yuan.format(Math.abs(v) / 100));
    }
    case 'PERCENT': {
      const pct = new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 1 });
      return (v) => (v == null || v === '-' ? '-' : pct.format(v));
    }
    default: {
      const n = new Intl.NumberFormat(lang, { maximumFractionDigits: 2 });
      return (v) => (v == null || v === '-' ? '-' : n.format(v));
    }
  }
}

class SiyuChart extends HTMLElement {
  constructor() {
    super();
    const root = this.attachShadow({ mode: 'open' });
    root.innerHTML = `<style>${STYLE}</style>
      <div class="chart" part="chart"></div>
      <div class="no-data" part="no-data" hidden><div class="title"></div><div class="text"></div></div>`;
    this._container = root.querySelector('.chart');
    this._noData = root.querySelector('.no-data');
    this._spec = null;
    this._chart = null;
    this._drawing = 0;
  }

  // The spec as JSON text (written by the server) or an object.
  set spec(value) {
    try {
      this._spec = typeof value === 'string' ? JSON.parse(value) : value;
    } catch (e) {
      console.error('siyu-chart: unreadable spec', e);
      this._spec = null;
    }
    this._render();
  }

  get spec() {
    return this._spec;
  }

  /** The ECharts option in use, for tests and diagnostics; null while showing "no data". */
  get option() {
    return this._chart && !this._chart.isDisposed() ? this._chart.getOption() : null;
  }

  connectedCallback() {
    // A property the server set before this element was defined is an own property that hides the setter.
    if (Object.prototype.hasOwnProperty.call(this, 'spec')) {
      const value = this.spec;
      delete this.spec;
      this.spec = value;
    }
    this._resizeObserver = new ResizeObserver(() => {
      if (this._chart && !this._chart.isDisposed()) {
        this._chart.resize();
      } else {
        this._render(); // a chart that had no size yet (e.g. in a hidden tab) is drawn once it gets one
      }
    });
    this._resizeObserver.observe(this);
    // The shell switches light/dark with the `theme` attribute of <html>: redraw with the new colours.
    this._themeObserver = new MutationObserver(() => this._render(true));
    this._themeObserver.observe(document.documentElement, { attributes: true, attributeFilter: ['theme'] });
    this._render();
  }

  disconnectedCallback() {
    this._resizeObserver?.disconnect();
    this._themeObserver?.disconnect();
    this._dispose();
  }

  _dispose() {
    if (this._chart && !this._chart.isDisposed()) {
      this._chart.dispose();
    }
    this._chart = null;
  }

  _render(themeChanged) {
    if (!this.isConnected) {
      return;
    }
    const spec = this._spec;
    if (!spec || spec.empty) {
      this._drawing++;
      this._dispose();
      this.removeAttribute('rendered');
      this._container.hidden = true;
      this._noData.hidden = false;
      this._noData.querySelector('.title').textContent = spec?.title || '';
      this._noData.querySelector('.text').textContent = spec?.noData || 'No data';
      return;
    }
    this._container.hidden = false;
    this._noData.hidden = true;
    if (this.clientWidth === 0 || this.clientHeight === 0) {
      return; // ECharts cannot lay out in no space; the resize observer calls again
    }
    if (themeChanged) {
      this._dispose();
    }
    const drawing = ++this._drawing;
    loadECharts().then((echarts) => {
      if (drawing !== this._drawing || !this.isConnected || this._spec !== spec) {
        return; // a newer spec or a detach came in while ECharts loaded
      }
      if (!this._chart || this._chart.isDisposed()) {
        this._chart = echarts.init(this._container, null, {
          renderer: 'svg',
          locale: spec.locale && spec.locale.startsWith('zh') ? 'ZH' : 'EN',
        });
      }
      this._chart.setOption(this._option(spec), { notMerge: true });
      this.setAttribute('rendered', '');
      this.dispatchEvent(new CustomEvent('siyu-chart-rendered'));
    }).catch((e) => {
      console.error('siyu-chart: could not load Apache ECharts', e);
      this._noData.hidden = false;
      this._container.hidden = true;
      this._noData.querySelector('.text').textContent = 'ECharts: ' + e.message;
    });
  }

  _colours() {
    return {
      text: resolveColour(this, 'var(--lumo-body-text-color)', '#1f2a37'),
      secondary: resolveColour(this, 'var(--lumo-secondary-text-color)', '#6b7280'),
      line: resolveColour(this, 'var(--lumo-contrast-20pct)', 'rgba(0,0,0,0.2)'),
      split: resolveColour(this, 'var(--lumo-contrast-10pct)', 'rgba(0,0,0,0.1)'),
      primary: resolveColour(this, 'var(--lumo-primary-color)', '#1676f3'),
      background: resolveColour(this, 'var(--lumo-base-color)', '#ffffff'),
      font: getComputedStyle(this).getPropertyValue('--lumo-font-family').trim() || 'sans-serif',
    };
  }

  _option(spec) {
    const c = this._colours();
    const full = formatter(spec.format, spec.locale, false);
    const axis = formatter(spec.format, spec.locale, true);
    const hasTitle = !!spec.title;
    const palette = [c.primary, '#f59e0b', '#10b981', '#ef4444', '#8b5cf6', '#06b6d4', '#ec4899', '#84cc16', '#64748b'];
    const option = {
      animation: false, // redraws follow data and size changes; no transitions to wait for
      color: palette,
      textStyle: { color: c.text, fontFamily: c.font },
      title: hasTitle ? { text: spec.title, left: 0, top: 0, textStyle: { color: c.text, fontSize: 14, fontWeight: 600 } } : undefined,
      tooltip: {
        confine: true,
        backgroundColor: c.background,
        borderColor: c.line,
        textStyle: { color: c.text },
      },
    };
    const categoryAxis = (data, name) => ({
      type: 'category',
      data,
      name: name || undefined,
      nameLocation: 'middle',
      nameGap: 28,
      nameTextStyle: { color: c.secondary },
      axisLine: { lineStyle: { color: c.line } },
      axisLabel: { color: c.secondary, hideOverlap: true },
      splitLine: { show: false },
    });
    const valueAxis = (name) => ({
      type: 'value',
      name: name || undefined,
      nameTextStyle: { color: c.secondary },
      axisLabel: { color: c.secondary, formatter: axis },
      axisLine: { show: false },
      splitLine: { lineStyle: { color: c.split } },
    });
    // containLabel keeps tick labels inside the grid but not the axis name below them: room for both, plus the legend
    const grid = (legend) => ({
      left: 8, right: 16, top: hasTitle ? 48 : 16, bottom: (legend ? 32 : 8) + (spec.xAxisName ? 24 : 0),
      containLabel: true,
    });
    const legend = (names) => ({
      type: 'scroll', bottom: 0, data: names, textStyle: { color: c.text },
      pageTextStyle: { color: c.secondary },
    });

    switch (spec.kind) {
      case 'PIE': {
        const values = spec.series[0]?.values || [];
        option.legend = legend(spec.categories);
        option.tooltip.trigger = 'item';
        option.tooltip.formatter = (p) => `${p.marker}${p.name}: ${full(p.value)} (${p.percent}%)`;
        option.series = [{
          type: 'pie',
          name: spec.series[0]?.name,
          radius: ['35%', '65%'],
          center: ['50%', hasTitle ? '52%' : '48%'],
          data: spec.categories.map((name, i) => ({ name, value: values[i] ?? '-' })),
          label: { color: c.text, formatter: (p) => `${p.name}: ${axis(p.value)}` },
          itemStyle: { borderColor: c.background, borderWidth: 1 },
        }];
        break;
      }
      case 'HEATMAP': {
        const data = [];
        let min = Infinity;
        let max = -Infinity;
        spec.matrix.forEach((row, y) => row.forEach((v, x) => {
          if (v != null) {
            data.push([x, y, v]);
            min = Math.min(min, v);
            max = Math.max(max, v);
          }
        }));
        if (min === max) {
          max = min + 1; // a visual map needs a range
        }
        option.grid = { ...grid(true), bottom: 48 + (spec.xAxisName ? 24 : 0) };
        option.xAxis = categoryAxis(spec.categories, spec.xAxisName);
        option.yAxis = { ...categoryAxis(spec.yCategories, spec.yAxisName), nameLocation: 'end', nameGap: 8 };
        option.visualMap = {
          min, max, calculable: true, orient: 'horizontal', left: 'center', bottom: 0,
          itemHeight: 120, textStyle: { color: c.secondary }, formatter: axis,
          inRange: { color: [resolveColour(this, 'var(--lumo-primary-color-10pct)', '#e8f1fe'), c.primary] },
        };
        option.tooltip.trigger = 'item';
        option.tooltip.formatter = (p) =>
          `${spec.yCategories[p.value[1]]} · ${spec.categories[p.value[0]]}: ${full(p.value[2])}`;
        option.series = [{
          type: 'heatmap',
          data,
          label: { show: data.length <= 120, color: c.text, formatter: (p) => axis(p.value[2]) },
          itemStyle: { borderColor: c.background, borderWidth: 1 },
        }];
        break;
      }
      default: {
        const stacked = spec.kind === 'STACKED_BAR' || spec.kind === 'AREA';
        const bar = spec.kind === 'BAR' || spec.kind === 'STACKED_BAR';
        const names = spec.series.map((s) => s.name);
        option.legend = legend(names);
        option.grid = grid(true);
        option.xAxis = { ...categoryAxis(spec.categories, spec.xAxisName), boundaryGap: bar };
        option.yAxis = valueAxis(spec.yAxisName);
        option.tooltip.trigger = 'axis';
        option.tooltip.valueFormatter = full;
        option.series = spec.series.map((s) => ({
          type: bar ? 'bar' : 'line',
          name: s.name,
          data: s.values.map((v) => (v == null ? '-' : v)),
          stack: stacked ? 'total' : undefined,
          areaStyle: spec.kind === 'AREA' ? { opacity: 0.35 } : undefined,
          showSymbol: !bar && spec.categories.length <= 31,
          barMaxWidth: 48,
          emphasis: { focus: 'series' },
        }));
      }
    }
    return option;
  }
}

if (!customElements.get('siyu-chart')) {
  customElements.define('siyu-chart', SiyuChart);
}
