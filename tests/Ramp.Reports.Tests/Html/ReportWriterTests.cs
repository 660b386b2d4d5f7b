using System.Text.RegularExpressions;
using Ramp.Reports.Html;
using Ramp.Reports.Tests.Fixtures;
using SkiaSharp;

namespace Ramp.Reports.Tests.Html;

public class ReportWriterTests
{
    static string WriteReport(TempDir tmp)
    {
        SyntheticGrid.Write(tmp.Sub("cmp"));
        SyntheticGrid.Write(tmp.Sub("cmp2"), caseStudy: "char-transformer", layers: false);
        var path = ReportWriter.Write([tmp.Sub("cmp"), tmp.Sub("cmp2")], tmp.Sub("out"),
            new ReportOptions(Commands: ["ramp compare mlp --out cmp", "ramp report cmp cmp2 --out out"]));
        var preview = Environment.GetEnvironmentVariable("RAMP_REPORT_PREVIEW");
        if (preview is not null)
            foreach (var f in Directory.GetFiles(tmp.Sub("out"), "*", SearchOption.AllDirectories))
            {
                var to = Path.Combine(preview, Path.GetRelativePath(tmp.Sub("out"), f));
                Directory.CreateDirectory(Path.GetDirectoryName(to)!);
                File.Copy(f, to, true);
            }
        return path;
    }

    static readonly string[] Kinds = ["heatmap", "sensitivity", "schedules", "loss", "layers", "guards"];

    [Fact]
    public void Writes_a_self_contained_page_with_every_chart_and_its_files()
    {
        using var tmp = new TempDir();
        var html = File.ReadAllText(WriteReport(tmp));
        Assert.DoesNotContain("<script", html);
        Assert.DoesNotContain("<link", html);
        Assert.DoesNotMatch(new Regex("(src|href)=\"https?:"), html);
        foreach (var kind in Kinds) Assert.Contains($"data-chart=\"{kind}\"", html);
        var ids = Regex.Matches(html, "id=\"fig-([a-z0-9-]+)\"").Select(m => m.Groups[1].Value).ToList();
        // mlp: 4 charts, 2 layer, 3 decision charts (at peak 1.6 the diverged no-warmup and warmup-20 runs and the
        // warmup-60 run with events); char-transformer: the same without layer charts.
        Assert.Equal(4 + 2 + 3 + 4 + 3, ids.Count);
        foreach (var id in ids)
        {
            Assert.True(new FileInfo(tmp.Sub("out", "charts", id + ".png")).Length > 5000, id);
            Assert.Contains("<svg", File.ReadAllText(tmp.Sub("out", "charts", id + ".svg")));
        }
        Assert.Contains("Warmup made a clear difference", html);
        Assert.Contains("ramp compare mlp --out cmp", html);
        Assert.True(File.Exists(tmp.Sub("out", "summary.csv")));
    }

    [ChromiumFact]
    public void Renders_in_headless_chromium()
    {
        using var tmp = new TempDir();
        var path = WriteReport(tmp);
        var dom = Chromium.Run($"--dump-dom \"file://{path}\"");
        foreach (var kind in Kinds) Assert.Matches($"<figure class=\"chart\" data-chart=\"{kind}\"", dom);
        Assert.Equal(16, Regex.Matches(dom, "<img alt=\"[^\"]+\" src=\"data:image/svg\\+xml;base64,").Count);
        Assert.Equal(2 * 3, Regex.Matches(dom, "<tr data-arm=").Count);
        Assert.Equal(2 * 15, Regex.Matches(dom, "<table class=\"cells\">.*?</table>", RegexOptions.Singleline)
            .Sum(t => Regex.Matches(t.Value, "<tr><td>").Count));

        // A phone-sized window too: the page must lay out (no horizontal overflow of the body) at 420 px.
        var narrow = tmp.Sub("narrow.png");
        Chromium.Run($"--screenshot=\"{narrow}\" --window-size=420,2400 \"file://{path}\"");
        using (var small = SKBitmap.Decode(narrow)) Assert.Equal(420, small.Width);
        var shot = tmp.Sub("shot.png");
        Chromium.Run($"--screenshot=\"{shot}\" --window-size=1280,2400 \"file://{path}\"");
        using var bmp = SKBitmap.Decode(shot);
        Assert.Equal(1280, bmp.Width);
        // Count pixels of the heat-map's red and green and the first series' blue: present only if the charts drew.
        int red = 0, green = 0, blue = 0, nonBackground = 0;
        for (var y = 0; y < bmp.Height; y += 2)
            for (var x = 0; x < bmp.Width; x += 2)
            {
                var c = bmp.GetPixel(x, y);
                if (Near(c, 0xdc, 0x26, 0x26)) red++;
                if (Near(c, 0xbb, 0xf7, 0xd0)) green++;
                if (Near(c, 0x25, 0x63, 0xeb)) blue++;
                if (!Near(c, 0xf6, 0xf7, 0xf9) && !Near(c, 0xff, 0xff, 0xff)) nonBackground++;
            }
        Assert.True(nonBackground > bmp.Width * bmp.Height / 4 / 20, $"only {nonBackground} non-background pixels");
        Assert.True(red > 500 && green > 500 && blue > 200, $"red {red}, green {green}, blue {blue}");
    }

    static bool Near(SKColor c, int r, int g, int b) => Math.Abs(c.Red - r) < 12 && Math.Abs(c.Green - g) < 12 && Math.Abs(c.Blue - b) < 12;
}
