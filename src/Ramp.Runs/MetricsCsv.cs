namespace Ramp.Runs;

/// <summary>
/// Reads <c>metrics.csv</c>: a header naming the columns, then one row per optimizer step. The reader finds columns by
/// name, so files with more or fewer columns (older writers, a <c>momentum</c> column, several <c>lr0, lr1, ...</c>) read.
/// </summary>
internal static class MetricsCsv
{
    /// <summary>The rows of <paramref name="path"/>; <paramref name="truncated"/> tells whether a partial last line was dropped.</summary>
    /// <exception cref="RunFolderException">When the header lacks <c>step</c> or <c>loss</c>, or a complete row is malformed.</exception>
    internal static List<StepRecord> Read(string path, string shown, out bool truncated)
    {
        truncated = false;
        var lines = TextLines.Read(path);
        var rows = new List<StepRecord>(Math.Max(0, lines.Count - 1));
        if (lines.Count == 0) return rows;
        var header = lines[0].Text.Split(',').Select(h => h.Trim()).ToArray();
        var index = header.Select((h, i) => (h, i)).ToDictionary(p => p.h, p => p.i);
        foreach (var required in (string[])["step", "loss"])
            if (!index.ContainsKey(required))
                throw new RunFolderException(shown, lines[0].Number, $"the header has no '{required}' column");
        var lrColumns = header.Where(h => h == "lr" || (h.Length > 2 && h.StartsWith("lr", StringComparison.Ordinal)
            && h[2..].All(char.IsDigit)))
            .Select(h => index[h]).ToArray();
        foreach (var line in lines.Skip(1))
        {
            var cells = line.Text.Split(',');
            try
            {
                if (cells.Length != header.Length)
                    throw new FormatException($"expected {header.Length} columns but found {cells.Length}");
                var row = ToRecord(cells, index, lrColumns);
                // Two writers on one folder (or rows appended after a restart) repeat steps; every reader assumes one row a step.
                if (rows.Count > 0 && !(row.Step > rows[^1].Step))
                    throw new RunFolderException(shown, line.Number,
                        $"step {row.Step} follows step {rows[^1].Step}: rows repeat (written twice, e.g. by two processes); delete the " +
                            "run folder and train it again");
                rows.Add(row);
            }
            catch (FormatException) when (line.MaybePartial)
            {
                truncated = true;
            }
            catch (FormatException e)
            {
                throw new RunFolderException(shown, line.Number, e.Message);
            }
        }
        return rows;
    }

    private static StepRecord ToRecord(string[] cells, Dictionary<string, int> index, int[] lrColumns)
    {
        double? Cell(string name) => index.TryGetValue(name, out var i) ? Value(cells[i], name) : null;
        double Number(string name) => Cell(name) ?? double.NaN;
        var step = Whole(Cell("step"), "step", cells[index["step"]]) ?? throw new FormatException("column 'step' is empty");
        return new StepRecord(
            step, Whole(Cell("epoch"), "epoch", "") ?? 0, Number("loss"), Cell("accuracy"),
            lrColumns.Select(i => Value(cells[i], "lr") ?? double.NaN).ToArray(), Cell("momentum"),
            Number("grad_norm"), Cell("update_ratio"), Cell("weight_norm"),
            Cell("nonfinite") == 1, Cell("clipped") == 1, Cell("skipped") == 1, Number("wall_ms"), [],
            Whole(Cell("schedule_step"), "schedule_step", ""));
    }

    private static long? Whole(double? value, string column, string text)
    {
        if (value is not { } v) return null;
        if (!double.IsFinite(v) || v < 0 || v != Math.Floor(v))
            throw new FormatException($"column '{column}' is '{(text.Length > 0 ? text : RunJson.Format(v))}', not a non-negative integer");
        return (long)v;
    }

    // An empty cell is a value not measured on that step (null), unlike a measured NaN.
    private static double? Value(string cell, string column)
    {
        var text = cell.Trim();
        if (text.Length == 0) return null;
        return JsonValues.Parse(text) ?? throw new FormatException($"column '{column}' is '{text}', not a number");
    }
}
