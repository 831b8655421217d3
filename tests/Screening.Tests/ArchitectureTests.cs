using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Screening.Tests.BuiltIn;

namespace Screening.Tests;

/// <summary>
/// Keeps the library readable as it grows: no source file over 400 lines, no method over 80, no [ThreadStatic] field
/// another class can set, and Normalization independent of Matching. Parsed with Roslyn from the sources.
/// </summary>
public class ArchitectureTests
{
    private const int MaxFileLines = 400;
    private const int MaxMethodLines = 80;

    private static IEnumerable<(string Path, SyntaxTree Tree)> Sources(string project)
    {
        var root = Path.Combine(RepoPaths.Root, "src", project);
        foreach (var path in Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(RepoPaths.Root, path);
            if (relative.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ||
                relative.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)) continue;
            yield return (relative, CSharpSyntaxTree.ParseText(File.ReadAllText(path), path: path));
        }
    }

    [Theory]
    [InlineData("Screening")]
    [InlineData("Screening.Hosting")]
    public void Sources_FilesAndMethods_WithinSize(string project)
    {
        var problems = new List<string>();
        foreach (var (path, tree) in Sources(project))
        {
            var lines = tree.GetText().Lines.Count;
            if (lines > MaxFileLines) problems.Add($"{path}: {lines} lines (at most {MaxFileLines})");
            foreach (var member in tree.GetRoot().DescendantNodes().Where(n => n is BaseMethodDeclarationSyntax or AccessorDeclarationSyntax or LocalFunctionStatementSyntax))
            {
                var span = member.GetLocation().GetLineSpan();
                var length = span.EndLinePosition.Line - span.StartLinePosition.Line + 1;
                if (length > MaxMethodLines) problems.Add($"{path}:{span.StartLinePosition.Line + 1}: {Describe(member)} is {length} lines (at most {MaxMethodLines})");
            }
        }
        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    [Theory]
    [InlineData("Screening")]
    [InlineData("Screening.Hosting")]
    public void Sources_ThreadStaticFields_ArePrivate(string project)
    {
        var problems = new List<string>();
        foreach (var (path, tree) in Sources(project))
        {
            foreach (var field in tree.GetRoot().DescendantNodes().OfType<FieldDeclarationSyntax>())
            {
                var threadStatic = field.AttributeLists.SelectMany(a => a.Attributes).Any(a => a.Name.ToString() is "ThreadStatic" or "ThreadStaticAttribute");
                if (threadStatic && !field.Modifiers.Any(m => m.IsKind(SyntaxKind.PrivateKeyword)))
                    problems.Add($"{path}: [ThreadStatic] {field.Declaration.Variables.First().Identifier} is not private: pass per-thread state explicitly");
            }
        }
        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    [Fact]
    public void Normalization_DoesNotDependOnMatching()
    {
        var offenders = Sources("Screening")
            .Where(s => s.Path.Contains($"{Path.DirectorySeparatorChar}Normalization{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(s => s.Tree.GetRoot().DescendantNodes().Any(n =>
                (n is UsingDirectiveSyntax u && u.Name?.ToString().StartsWith("Screening.Matching", StringComparison.Ordinal) == true) ||
                (n is QualifiedNameSyntax q && q.ToString().StartsWith("Matching.", StringComparison.Ordinal)) ||
                (n is MemberAccessExpressionSyntax m && m.Expression.ToString() is "Matching" or "Screening.Matching")))
            .Select(s => s.Path)
            .ToList();
        Assert.Empty(offenders);
    }

    private static string Describe(SyntaxNode node) => node switch
    {
        MethodDeclarationSyntax m => m.Identifier.Text + "()",
        ConstructorDeclarationSyntax c => c.Identifier.Text + " constructor",
        LocalFunctionStatementSyntax l => l.Identifier.Text + "() (local)",
        AccessorDeclarationSyntax a => a.Keyword.Text + " accessor",
        _ => node.Kind().ToString(),
    };
}
