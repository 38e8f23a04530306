import RecurrentCore
import RecurrentLayers
import RecurrentTraining

/// The report's CSS: system fonts only, nothing loaded from the network.
enum ReportStyle {
    /// Written unescaped into `<style>`: must not contain "<" or "&".
    static let css = """
        :root { color-scheme: light; }
        body { margin: 0; background: #f6f6f4; color: #222; font: 14px/1.45 -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Helvetica, Arial, "Liberation Sans", "DejaVu Sans", sans-serif; }
        main { max-width: 980px; margin: 0 auto; padding: 24px 20px 48px; }
        h1 { font-size: 24px; margin: 0 0 8px; }
        h2 { font-size: 18px; margin: 0 0 8px; }
        section { background: #fff; border: 1px solid #e2e2de; border-radius: 8px; padding: 16px 18px; margin: 16px 0; }
        nav { font-size: 13px; margin: 8px 0 0; }
        nav a { color: #355f8c; margin-right: 12px; text-decoration: none; }
        dl.summary { display: grid; grid-template-columns: max-content 1fr; gap: 2px 14px; margin: 8px 0; font-size: 13px; }
        dl.summary dt { color: #666; }
        dl.summary dd { margin: 0; }
        p.note { color: #555; margin: 0 0 10px; }
        figure { margin: 8px 0; }
        figure.chart svg { max-width: 100%; height: auto; display: block; }
        figcaption { font-size: 12px; color: #666; margin-bottom: 2px; }
        pre { background: #fafaf7; border: 1px solid #eee; border-radius: 4px; padding: 8px 10px; white-space: pre-wrap; word-break: break-word; font: 12.5px/1.4 ui-monospace, "SF Mono", Menlo, Consolas, monospace; margin: 0; }
        table { border-collapse: collapse; font-size: 13px; margin: 8px 0; }
        caption { text-align: left; color: #666; font-size: 12px; padding-bottom: 4px; }
        th, td { border-bottom: 1px solid #eee; padding: 3px 10px 3px 0; text-align: left; vertical-align: top; }
        th { color: #555; font-weight: 600; }
        td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
        .figures { display: flex; flex-wrap: wrap; gap: 10px 28px; margin: 4px 0 10px; }
        .figure .value { display: block; font-size: 20px; font-weight: 600; font-variant-numeric: tabular-nums; }
        .figure .label { font-size: 12px; color: #666; }
        footer { color: #888; font-size: 12px; margin-top: 24px; }
        """
}
