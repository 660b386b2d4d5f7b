using Ramp.Schedules.Composition;

namespace Ramp.Schedules.Text.Native;

/// <summary>
/// Recursive-descent parser of the native form (grammar in docs/native-spec.md):
/// <c>chain := product ('&gt;&gt;' product)*</c>, <c>product := term ('*' term)*</c>,
/// <c>term := number | name | name '(' args ')' | '(' chain ')' | '[' numbers ']'</c>.
/// </summary>
internal sealed class NativeParser
{
    private const int MaxDepth = 64;
    private readonly List<NativeToken> _tokens;
    private int _next;
    private int _depth;

    private NativeParser(string text)
    {
        _tokens = NativeLexer.Tokenize(text);
        Brackets.Check(_tokens
            .Where(t => t.Kind is TokenKind.LeftParen or TokenKind.RightParen or TokenKind.LeftBracket or TokenKind.RightBracket)
            .Select(t => (t.Text[0], t.Position)));
    }

    private NativeToken Peek => _tokens[_next];

    /// <summary>Parses the whole text into one node.</summary>
    public static NativeNode Parse(string text)
    {
        var parser = new NativeParser(text);
        var node = parser.Chain();
        if (parser.Peek.Kind != TokenKind.End)
            throw new SpecException(parser.Peek.Position, $"expected '>>', '*' or the end of the text but found {parser.Peek.Describe()}");
        return node;
    }

    /// <summary>The schedule a node denotes, or an error naming what was found instead.</summary>
    public static Schedule AsSchedule(NativeNode node) => node switch
    {
        ScheduleNode s => s.Schedule,
        SpecNode { Spec: AutoWarmupSpec } s => throw new SpecException(s.Position,
            "auto(...) must begin the whole text (auto(...) or auto(...) >> ...), not be part of a schedule"),
        SpecNode s => throw new SpecException(s.Position, "per_group(...) must be the whole text, not part of a schedule"),
        _ => throw new SpecException(node.Position, $"expected a schedule but found {node.Describe()}"),
    };

    private NativeNode Chain()
    {
        var first = Product();
        if (Peek.Kind != TokenKind.Then) return first;
        if (first is SpecNode { Spec: AutoWarmupSpec auto }) return AutoThen(first.Position, auto);
        var pieces = new List<Schedule> { AsSchedule(first) };
        var boundaries = new List<long>();
        long at = 0;
        var previous = first;
        while (Peek.Kind == TokenKind.Then)
        {
            _next++;
            var length = ScheduleLength.Of(pieces[^1]) ?? throw new SpecException(previous.Position,
                $"{pieces[^1]} has no length, so '>>' cannot tell where the next piece starts; use join(..., at=[...])");
            if (length > long.MaxValue - at) throw new SpecException(previous.Position, "the pieces joined by '>>' are too long");
            at += length;
            boundaries.Add(at);
            previous = Product();
            pieces.Add(AsSchedule(previous));
        }
        return new ScheduleNode(first.Position, Construct(first.Position, () => new Join(pieces.ToArray(), boundaries.ToArray())));
    }

    /// <summary><c>auto(...) &gt;&gt; rest</c>: the rest is what runs after the automatic warmup (its <c>then</c>).</summary>
    private SpecNode AutoThen(int position, AutoWarmupSpec auto)
    {
        if (auto.Then is not null)
            throw new SpecException(Peek.Position, "auto(...) already has then=...; write either auto(then=...) or auto(...) >> ...");
        _next++;
        var rest = Chain();
        return new SpecNode(position, auto.Followed(AsSchedule(rest)));
    }

    private NativeNode Product()
    {
        var first = Term();
        if (Peek.Kind != TokenKind.Star) return first;
        var terms = new List<NativeNode> { first };
        while (Peek.Kind == TokenKind.Star)
        {
            _next++;
            terms.Add(Term());
        }
        var scale = first as NumberNode;
        var factors = new List<Schedule>();
        foreach (var term in terms.Skip(scale is null ? 0 : 1))
        {
            if (term is NumberNode n)
                throw new SpecException(n.Position, $"a number can only come first in a product, but found {n.Describe()} later");
            factors.Add(AsSchedule(term));
        }
        var product = factors.Count == 1 ? factors[0] : Construct(first.Position, () => new Product(factors.ToArray()));
        return new ScheduleNode(first.Position, scale is null ? product : new Scaled(scale.Value, product));
    }

    private NativeNode Term()
    {
        var token = Peek;
        switch (token.Kind)
        {
            case TokenKind.Number:
                _next++;
                return new NumberNode(token);
            case TokenKind.LeftParen:
                Enter(token);
                _next++;
                var inner = Chain();
                Expect(TokenKind.RightParen, "')'");
                _depth--;
                return inner is ScheduleNode s ? s with { Start = token.Position } : inner;
            case TokenKind.LeftBracket:
                return List();
            case TokenKind.Name when _tokens[_next + 1].Kind == TokenKind.LeftParen:
                return Call();
            case TokenKind.Name:
                _next++;
                return new NameNode(token);
            default:
                throw new SpecException(token.Position, $"expected a schedule, a number or '(' but found {token.Describe()}");
        }
    }

    private NativeNode Call()
    {
        var name = Peek;
        _next++;
        Enter(Peek);
        _next++;
        var arguments = new List<NativeArgument>();
        while (Peek.Kind != TokenKind.RightParen)
        {
            NativeToken? argumentName = null;
            if (Peek.Kind == TokenKind.Name && _tokens[_next + 1].Kind == TokenKind.Equals)
            {
                argumentName = Peek;
                _next += 2;
            }
            arguments.Add(new NativeArgument(argumentName, Chain()));
            if (Peek.Kind == TokenKind.Comma) _next++;
            else if (Peek.Kind != TokenKind.RightParen)
                throw new SpecException(Peek.Position, $"expected ',' or ')' in {name.Text}(...) but found {Peek.Describe()}");
        }
        var close = Peek.Position;
        _next++;
        _depth--;
        return NativeCatalog.Build(name, arguments, close);
    }

    private ListNode List()
    {
        var open = Peek;
        _next++;
        var items = new List<NativeToken>();
        while (Peek.Kind != TokenKind.RightBracket)
        {
            if (Peek.Kind != TokenKind.Number)
                throw new SpecException(Peek.Position, $"expected a number or ']' in a list but found {Peek.Describe()}");
            items.Add(Peek);
            _next++;
            if (Peek.Kind == TokenKind.Comma) _next++;
            else if (Peek.Kind != TokenKind.RightBracket)
                throw new SpecException(Peek.Position, $"expected ',' or ']' in a list but found {Peek.Describe()}");
        }
        _next++;
        return new ListNode(open.Position, items);
    }

    private void Enter(NativeToken token)
    {
        if (++_depth > MaxDepth) throw new SpecException(token.Position, $"nesting deeper than {MaxDepth} levels");
    }

    private void Expect(TokenKind kind, string what)
    {
        if (Peek.Kind != kind) throw new SpecException(Peek.Position, $"expected {what} but found {Peek.Describe()}");
        _next++;
    }

    /// <summary>
    /// Runs a constructor, turning its validation error into a <see cref="SpecException"/> at <paramref name="position"/>.
    /// </summary>
    public static T Construct<T>(int position, Func<T> build)
    {
        try
        {
            return build();
        }
        catch (ArgumentException e)
        {
            throw new SpecException(position, e.Message);
        }
    }
}
