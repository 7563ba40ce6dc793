// <hl-chart>: one Apache ECharts chart (Apache-2.0), drawn as SVG. The server sets the ECharts
// option as JSON in the `option` attribute and the summary as `aria-label` (role="img"), so a
// screen reader reads the figures the chart shows; the tables beside the charts stay as the
// accessible alternative. Only the chart types the dashboard uses are bundled (tree-shaken core).
import * as echarts from 'echarts/core';
import { BarChart, HeatmapChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent, VisualMapComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';

echarts.use([BarChart, HeatmapChart, LineChart, GridComponent, LegendComponent, TooltipComponent, VisualMapComponent, SVGRenderer]);

const NUMBER = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 });

/** Vietnamese numbers (1.234, 98,5) with the option's unit ("hlUnit": " %" or ""); null is a dash. */
function formatter(unit) {
  return (value) => (value === null || value === undefined || value === '-' ? '—' : NUMBER.format(value) + unit);
}

/** Functions cannot travel in JSON: the unit-aware formatters are added here. */
function withFormatters(option) {
  const unit = option.hlUnit ?? '';
  delete option.hlUnit;
  option.tooltip = { ...(option.tooltip ?? {}), valueFormatter: formatter(unit) };
  for (const axis of [].concat(option.yAxis ?? [], option.xAxis ?? [])) {
    if (axis.type === 'value') {
      axis.axisLabel = { ...(axis.axisLabel ?? {}), formatter: formatter(unit) };
    }
  }
  for (const series of [].concat(option.series ?? [])) {
    if (series.label?.show && !series.label.formatter) {
      const f = formatter(series.hlUnit ?? unit);
      series.label.formatter = (p) => f(Array.isArray(p.value) ? p.value[p.value.length - 1] : p.value);
    }
    delete series.hlUnit;
  }
  return option;
}

class HlChart extends HTMLElement {
  static get observedAttributes() {
    return ['option'];
  }

  connectedCallback() {
    if (!this.style.display) {
      this.style.display = 'block';
    }
    if (!this.chart) {
      this.chart = echarts.init(this, null, { renderer: 'svg' });
      this.resizer = new ResizeObserver(() => this.chart && this.chart.resize());
      this.resizer.observe(this);
    }
    this.render();
  }

  disconnectedCallback() {
    if (this.resizer) {
      this.resizer.disconnect();
    }
    if (this.chart) {
      this.chart.dispose();
    }
    this.chart = null;
    this.resizer = null;
  }

  attributeChangedCallback() {
    this.render();
  }

  render() {
    const json = this.getAttribute('option');
    if (!this.chart || !json) {
      return;
    }
    this.chart.setOption(withFormatters(JSON.parse(json)), { notMerge: true });
    // The drawing is decoration for sighted users: the host's aria-label carries the figures.
    const svg = this.querySelector('svg');
    if (svg) {
      svg.setAttribute('aria-hidden', 'true');
      svg.setAttribute('focusable', 'false');
    }
  }
}

customElements.define('hl-chart', HlChart);
