using System.Text.Json;

namespace Ramp.Training.Studies;

/// <summary>
/// Reads a grid file (JSON; docs/compare.md): one grid object, or <c>{ "grids": [ ... ] }</c>. Field names are
/// snake_case; unknown fields are errors (a misspelt field must not be silently ignored). Errors name the file
/// and the line (syntax) or the JSON path (a wrong or missing value).
/// </summary>
public static class GridFile
{
    private static readonly string[] GridFields =
        ["case_study", "data", "data_dir", "model", "optimizer", "batch", "steps", "epochs", "arms", "peaks", "seeds", "collapse_margin"];

    /// <summary>Reads the grids of <paramref name="path"/>.</summary>
    /// <exception cref="GridFileException">The file is missing, not JSON, or a value is wrong.</exception>
    public static IReadOnlyList<StudyGrid> Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new GridFileException(path, e.Message);
        }
        return Parse(text, path);
    }

    /// <summary>Reads the grids of the JSON <paramref name="text"/>; <paramref name="file"/> names it in errors.</summary>
    /// <exception cref="GridFileException">Not JSON, or a value is wrong.</exception>
    public static IReadOnlyList<StudyGrid> Parse(string text, string file)
    {
        JsonElement root;
        try
        {
            using var doc = JsonDocument.Parse(text, new JsonDocumentOptions
            {
                CommentHandling = JsonCommentHandling.Skip,
                AllowTrailingCommas = true
            });
            root = doc.RootElement.Clone();
        }
        catch (JsonException e)
        {
            var line = (e.LineNumber ?? 0) + 1;
            throw new GridFileException(file, line.ToString(System.Globalization.CultureInfo.InvariantCulture),
                e.Message.Split(" Path:")[0].Split(" LineNumber:")[0], e);
        }
        var json = new JsonReading(file);
        if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("grids", out var list))
        {
            json.Fields(root, "$", ["grids"]);
            var items = json.Array(list, "$.grids");
            if (items.Count == 0) throw new GridFileException(file, "$.grids", "expected at least one grid");
            return items.Select((g, i) => ReadGrid(json, g, $"$.grids[{i}]")).ToArray();
        }
        return [ReadGrid(json, root, "$")];
    }

    private static StudyGrid ReadGrid(JsonReading json, JsonElement g, string at)
    {
        json.Fields(g, at, GridFields);
        var data = json.Choice(g, at, "data", StudyGrid.DataNames, null);
        var model = GridFileModel.Model(json, json.Required(g, at, "model"), $"{at}.model");
        var optimizer = GridFileModel.Optimizer(json, json.Required(g, at, "optimizer"), $"{at}.optimizer");
        if ((data == "text") != model.IsText)
            throw new GridFileException(json.File, $"{at}.model.kind",
                $"model '{model.Kind}' does not fit data '{data}' (transformer trains on text, the others on fashion-mnist)");
        var steps = json.OptionalLong(g, at, "steps");
        var epochs = json.OptionalDouble(g, at, "epochs");
        if ((steps is null) == (epochs is null)) throw new GridFileException(json.File, at, "give exactly one of \"steps\" or \"epochs\"");
        if (steps is < 1) throw new GridFileException(json.File, $"{at}.steps", $"must be at least 1 but was {steps}");
        if (epochs is { } e && !(e > 0)) throw new GridFileException(json.File, $"{at}.epochs", $"must be > 0 but was {e}");
        var batch = (int)(json.OptionalLong(g, at, "batch") ?? 64);
        if (batch < 1) throw new GridFileException(json.File, $"{at}.batch", $"must be at least 1 but was {batch}");
        var peaks = json.Array(json.Required(g, at, "peaks"), $"{at}.peaks").Select((p, i) => json.Positive(p,
            $"{at}.peaks[{i}]")).ToArray();
        if (peaks.Length == 0) throw new GridFileException(json.File, $"{at}.peaks", "expected at least one peak learning rate");
        var seeds = g.TryGetProperty("seeds", out var s)
            ? json.Array(s, $"{at}.seeds").Select((x, i) => (int)json.Long(x, $"{at}.seeds[{i}]")).ToArray()
            : [1];
        var arms = json.Array(json.Required(g, at, "arms"), $"{at}.arms").Select((a, i) => GridFileModel.Arm(json, a,
            $"{at}.arms[{i}]")).ToArray();
        if (arms.Length == 0) throw new GridFileException(json.File, $"{at}.arms", "expected at least one arm");
        return new StudyGrid(json.Text(json.Required(g, at, "case_study"), $"{at}.case_study"), data,
            g.TryGetProperty("data_dir", out var d) ? json.Text(d, $"{at}.data_dir") : "shipped",
            model, optimizer, batch, steps, epochs, arms, peaks, seeds, json.OptionalDouble(g, at, "collapse_margin") ?? 0.25);
    }
}
