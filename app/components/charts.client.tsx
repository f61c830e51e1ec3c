import {
  BarChart,
  PolarisVizProvider,
  SparkLineChart,
} from "@shopify/polaris-viz";

/**
 * Polaris Viz charts for the dashboard. A `.client` module: Remix leaves it out of the server
 * build (the charts measure the DOM), and the dashboard renders them once hydrated.
 */
/** Counts per month, one bar per series (the axis shows whole numbers only). */
export function MonthBars({
  series,
  label,
}: {
  series: { name: string; data: { key: string; value: number }[] }[];
  label: string;
}) {
  return (
    <PolarisVizProvider>
      <figure style={{ height: 300, margin: 0 }} aria-label={label}>
        <BarChart
          data={series}
          theme="Light"
          showLegend
          isAnimated={false}
          xAxisOptions={{ allowLineWrap: true }}
          yAxisOptions={{ integersOnly: true }}
        />
      </figure>
    </PolarisVizProvider>
  );
}

export function Spark({
  values,
  label,
}: {
  values: (number | null)[];
  label: string;
}) {
  const data = values
    .map((value, i) => ({ key: String(i), value }))
    .filter((d) => d.value !== null) as { key: string; value: number }[];
  if (data.length < 2) return null;
  return (
    <PolarisVizProvider>
      <div style={{ height: 48 }}>
        <SparkLineChart
          data={[{ data }]}
          theme="Light"
          accessibilityLabel={label}
          isAnimated={false}
        />
      </div>
    </PolarisVizProvider>
  );
}
