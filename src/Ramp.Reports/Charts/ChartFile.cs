namespace Ramp.Reports.Charts;

/// <summary>A chart written to disk as PNG and SVG, with what the report says about it.</summary>
/// <param name="Id">A short unique name, also the files' base name (e.g. <c>mlp-heatmap</c>).</param>
/// <param name="Kind">The chart kind (<c>schedules</c>, <c>loss</c>, <c>heatmap</c>, <c>sensitivity</c>, <c>layers</c>, <c>guards</c>,
/// ...).</param>
/// <param name="Title">The heading shown above it.</param>
/// <param name="Caption">One or two sentences on how to read it.</param>
/// <param name="PngPath">The PNG file.</param>
/// <param name="SvgPath">The SVG file.</param>
public sealed record ChartFile(string Id, string Kind, string Title, string Caption, string PngPath, string SvgPath);
