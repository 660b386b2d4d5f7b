namespace Ramp.Schedules.Text.Python;

/// <summary>PLACEHOLDER (owned by the Python-text work): parses a Python call expression.</summary>
public static class PythonCallParser
{
    /// <summary>Parses one Python expression (call, dict, list, number, string, True/False/None).</summary>
    public static PyValue Parse(string text) => throw new SpecException(0, "Python calls are not parsed yet");
}
