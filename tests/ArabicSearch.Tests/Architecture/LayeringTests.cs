using System.Collections.Immutable;
using System.Reflection;
using System.Reflection.Emit;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;

namespace ArabicSearch.Tests.Architecture;

/// <summary>
/// The layers of docs/architecture.md, checked on the compiled assemblies. Every type of the library is read with
/// System.Reflection.Metadata: its base type, interfaces, fields, method signatures, and every type, method and field
/// its method bodies name (IL operands). A reference from one layer to a layer it may not use fails with the types
/// on both ends. Compiler-generated types (lambdas, iterators) count for the type they are nested in.
/// </summary>
public class LayeringTests
{
    private const string Facade = "Facade", Model = "Model";

    /// <summary>Each layer of the library and the layers of ours it may use (besides itself).</summary>
    private static readonly Dictionary<string, string[]> MayUse = new(StringComparer.Ordinal)
    {
        ["Analysis"] = [],
        ["Entities"] = ["Analysis"],
        ["Dates"] = ["Analysis"],
        ["Ingestion"] = [Model],
        ["Duplicates"] = ["Analysis", Model],
        ["Highlighting"] = ["Analysis", "Entities", "Dates", Model],
        ["Indexing"] = ["Analysis", "Entities", "Dates", "Duplicates", Model],
        ["Querying"] = ["Analysis", "Entities", "Highlighting", "Indexing", "Duplicates", Model],
        // The public records of the root namespace (Article, options, requests, results, exceptions, field names).
        [Model] = ["Analysis", "Entities"],
        // ArabicSearchEngine and its hosting extension wire the layers together.
        [Facade] = ["Analysis", "Entities", "Dates", "Ingestion", "Duplicates", "Highlighting", "Indexing", "Querying", Model],
    };

    /// <summary>The root-namespace types that are the facade rather than the shared model.</summary>
    private static readonly HashSet<string> FacadeTypes = new(StringComparer.Ordinal) { "ArabicSearchEngine", "ServiceCollectionExtensions", "EngineLog", "EngineMetrics", "IndexVerifier", "IndexRepairer" };

    private static string LayerOf(string ns, string name)
    {
        if (ns == "ArabicSearch") return FacadeTypes.Contains(name) ? Facade : Model;
        return ns.StartsWith("ArabicSearch.", StringComparison.Ordinal) ? ns["ArabicSearch.".Length..].Split('.')[0] : "";
    }

    [Test]
    public void Library_namespaces_use_only_the_layers_below_them()
    {
        var edges = Dependencies(typeof(ArabicSearchEngine).Assembly.Location);
        foreach (var g in edges.Where(e => e.From.Layer != e.To.Layer).GroupBy(e => $"{e.From.Layer} → {e.To.Layer}").OrderBy(g => g.Key, StringComparer.Ordinal))
            TestContext.Out.WriteLine($"{g.Key}: {g.Select(e => e.From.Name + " → " + e.To.Name).Distinct().Count()} type pair(s)");
        var layers = edges.Select(e => e.From.Layer).Distinct().ToList();
        Assert.That(layers.Where(l => !MayUse.ContainsKey(l)), Is.Empty, "every namespace of the library has a place in MayUse");
        var forbidden = edges
            .Where(e => e.From.Layer != e.To.Layer && !MayUse[e.From.Layer].Contains(e.To.Layer))
            .Select(e => $"{e.From.Layer} → {e.To.Layer}: {e.From.Name} uses {e.To.Name}")
            .Distinct().Order(StringComparer.Ordinal).ToList();
        Assert.That(forbidden, Is.Empty);
    }

    [Test]
    public void Library_dependency_checker_sees_references_inside_method_bodies()
    {
        // Guards the checker itself: DocumentMapper calls DuplicateIndex.FingerprintOf only in a method body, and
        // the indexing layer reaches the date extractor only through a call.
        var edges = Dependencies(typeof(ArabicSearchEngine).Assembly.Location);
        Assert.That(edges, Has.Some.Matches<Edge>(e => e.From.Name == "ArabicSearch.Indexing.DocumentMapper" && e.To.Name == "ArabicSearch.Indexing.DuplicateIndex"));
        Assert.That(edges, Has.Some.Matches<Edge>(e => e.From.Name == "ArabicSearch.Indexing.DocumentMapper" && e.To.Name == "ArabicSearch.Dates.DateMentionExtractor"));
    }

    [Test]
    public void Console_host_names_no_Lucene_type()
    {
        // The console host uses the public API of the library and of the tools assembly, never Lucene types. The
        // library is the control: it must show Lucene references, or the check could see nothing at all.
        Assert.That(LuceneTypesNamedBy("ArabicSearch.Cli"), Is.Empty);
        Assert.That(LuceneTypesNamedBy("ArabicSearch"), Is.Not.Empty);
    }

    private static List<string> LuceneTypesNamedBy(string assemblyName)
    {
        using var pe = new PEReader(File.OpenRead(Path.Combine(TestContext.CurrentContext.TestDirectory, assemblyName + ".dll")));
        var md = pe.GetMetadataReader();
        return md.TypeReferences.Select(h => md.GetTypeReference(h))
            .Select(t => md.GetString(t.Namespace) + "." + md.GetString(t.Name))
            .Where(n => n.StartsWith("Lucene.", StringComparison.Ordinal))
            .Distinct().ToList();
    }

    [Test]
    public void Library_grants_internals_only_to_tests_benchmarks_and_the_tools_assembly()
    {
        var friends = typeof(ArabicSearchEngine).Assembly.GetCustomAttributes<System.Runtime.CompilerServices.InternalsVisibleToAttribute>()
            .Select(a => a.AssemblyName).Order(StringComparer.Ordinal);
        Assert.That(friends, Is.EqualTo(new[] { "ArabicSearch.Benchmarks", "ArabicSearch.Evaluation", "ArabicSearch.Tests" }));
    }

    [Test]
    public void Library_messages_name_no_console_command()
    {
        // Library exceptions describe the problem; the console host adds which of its commands helps.
        using var pe = new PEReader(File.OpenRead(typeof(ArabicSearchEngine).Assembly.Location));
        var md = pe.GetMetadataReader();
        var strings = new List<string>();
        for (var h = MetadataTokens.UserStringHandle(1); !h.IsNil; h = md.GetNextHandle(h)) strings.Add(md.GetUserString(h));
        Assert.That(strings, Is.Not.Empty);
        Assert.That(strings.Where(s => s.Contains("arabicsearch ", StringComparison.Ordinal)), Is.Empty);
    }

    internal sealed record Node(string Name, string Layer);

    internal sealed record Edge(Node From, Node To);

    /// <summary>Every reference from a type of ours to another type of ours in the assembly at <paramref name="path"/>.</summary>
    internal static List<Edge> Dependencies(string path)
    {
        using var pe = new PEReader(File.OpenRead(path));
        var md = pe.GetMetadataReader();
        var edges = new List<Edge>();
        var provider = new TypeCollector(md);
        foreach (var th in md.TypeDefinitions)
        {
            var from = NodeOf(md, th);
            if (from is null) continue;
            var type = md.GetTypeDefinition(th);
            var used = new HashSet<TypeDefinitionHandle>();
            void Add(EntityHandle h) { foreach (var d in provider.Definitions(h)) used.Add(d); }

            if (!type.BaseType.IsNil) Add(type.BaseType);
            foreach (var ih in type.GetInterfaceImplementations()) Add(md.GetInterfaceImplementation(ih).Interface);
            foreach (var fh in type.GetFields()) provider.Collect(md.GetFieldDefinition(fh).DecodeSignature(provider, null), used);
            foreach (var ph in type.GetProperties()) provider.Collect(md.GetPropertyDefinition(ph).DecodeSignature(provider, null).ReturnType, used);
            foreach (var mh in type.GetMethods())
            {
                var method = md.GetMethodDefinition(mh);
                var sig = method.DecodeSignature(provider, null);
                provider.Collect(sig.ReturnType, used);
                foreach (var p in sig.ParameterTypes) provider.Collect(p, used);
                if (method.RelativeVirtualAddress == 0) continue;
                var body = pe.GetMethodBody(method.RelativeVirtualAddress);
                if (!body.LocalSignature.IsNil)
                    foreach (var local in md.GetStandaloneSignature(body.LocalSignature).DecodeLocalSignature(provider, null)) provider.Collect(local, used);
                foreach (var token in OperandTokens(body.GetILBytes())) Add(MetadataTokens.EntityHandle(token));
            }
            foreach (var d in used)
                if (NodeOf(md, d) is { } to && to.Name != from.Name) edges.Add(new Edge(from, to));
        }
        return edges;
    }

    /// <summary>Our type at <paramref name="h"/>, named by its outermost declaring type, or null for a type that is not ours.</summary>
    private static Node? NodeOf(MetadataReader md, TypeDefinitionHandle h)
    {
        var type = md.GetTypeDefinition(h);
        while (type.IsNested) type = md.GetTypeDefinition(type.GetDeclaringType());
        string ns = md.GetString(type.Namespace), name = md.GetString(type.Name);
        if (ns != "ArabicSearch" && !ns.StartsWith("ArabicSearch.", StringComparison.Ordinal)) return null;
        return new Node(ns + "." + name, LayerOf(ns, name));
    }

    private static readonly Dictionary<short, OperandType> OpCodeOperands = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value, o => o.OperandType);

    /// <summary>The metadata tokens the IL names (types, methods, fields), read opcode by opcode.</summary>
    private static IEnumerable<int> OperandTokens(byte[]? il)
    {
        if (il is null) yield break;
        int i = 0;
        while (i < il.Length)
        {
            short code = il[i] == 0xFE ? (short)(0xFE00 | il[i + 1]) : il[i];
            i += il[i] == 0xFE ? 2 : 1;
            var operand = OpCodeOperands[code];
            switch (operand)
            {
                case OperandType.InlineTok or OperandType.InlineType or OperandType.InlineMethod or OperandType.InlineField:
                    yield return BitConverter.ToInt32(il, i);
                    i += 4;
                    break;
                case OperandType.InlineNone: break;
                case OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar: i += 1; break;
                case OperandType.InlineVar: i += 2; break;
                case OperandType.InlineI8 or OperandType.InlineR: i += 8; break;
                case OperandType.InlineSwitch: i += 4 + 4 * BitConverter.ToInt32(il, i); break;
                default: i += 4; break; // InlineBrTarget, InlineI, InlineSig, InlineString, ShortInlineR
            }
        }
    }

    /// <summary>Decodes signatures into the set of our type definitions they mention (generic arguments included).</summary>
    private sealed class TypeCollector(MetadataReader md) : ISignatureTypeProvider<ImmutableArray<TypeDefinitionHandle>, object?>
    {
        private static readonly ImmutableArray<TypeDefinitionHandle> None = [];

        public void Collect(ImmutableArray<TypeDefinitionHandle> types, HashSet<TypeDefinitionHandle> into) => into.UnionWith(types);

        /// <summary>Our types named by a type, member or method-instantiation token.</summary>
        public ImmutableArray<TypeDefinitionHandle> Definitions(EntityHandle h)
        {
            switch (h.Kind)
            {
                case HandleKind.TypeDefinition: return [(TypeDefinitionHandle)h];
                case HandleKind.TypeSpecification: return md.GetTypeSpecification((TypeSpecificationHandle)h).DecodeSignature(this, null);
                case HandleKind.MethodDefinition: return [md.GetMethodDefinition((MethodDefinitionHandle)h).GetDeclaringType()];
                case HandleKind.FieldDefinition: return [md.GetFieldDefinition((FieldDefinitionHandle)h).GetDeclaringType()];
                case HandleKind.MemberReference:
                    var parent = md.GetMemberReference((MemberReferenceHandle)h).Parent;
                    return parent.Kind is HandleKind.TypeDefinition or HandleKind.TypeSpecification ? Definitions(parent) : None;
                case HandleKind.MethodSpecification:
                    var spec = md.GetMethodSpecification((MethodSpecificationHandle)h);
                    var all = Definitions(spec.Method).ToBuilder();
                    foreach (var arg in spec.DecodeSignature(this, null)) all.AddRange(arg);
                    return all.ToImmutable();
                default: return None;
            }
        }

        public ImmutableArray<TypeDefinitionHandle> GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind) => [handle];
        public ImmutableArray<TypeDefinitionHandle> GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind) => None;
        public ImmutableArray<TypeDefinitionHandle> GetTypeFromSpecification(MetadataReader reader, object? genericContext, TypeSpecificationHandle handle, byte rawTypeKind) =>
            reader.GetTypeSpecification(handle).DecodeSignature(this, genericContext);
        public ImmutableArray<TypeDefinitionHandle> GetPrimitiveType(PrimitiveTypeCode typeCode) => None;
        public ImmutableArray<TypeDefinitionHandle> GetSZArrayType(ImmutableArray<TypeDefinitionHandle> elementType) => elementType;
        public ImmutableArray<TypeDefinitionHandle> GetArrayType(ImmutableArray<TypeDefinitionHandle> elementType, ArrayShape shape) => elementType;
        public ImmutableArray<TypeDefinitionHandle> GetByReferenceType(ImmutableArray<TypeDefinitionHandle> elementType) => elementType;
        public ImmutableArray<TypeDefinitionHandle> GetPointerType(ImmutableArray<TypeDefinitionHandle> elementType) => elementType;
        public ImmutableArray<TypeDefinitionHandle> GetPinnedType(ImmutableArray<TypeDefinitionHandle> elementType) => elementType;
        public ImmutableArray<TypeDefinitionHandle> GetGenericInstantiation(ImmutableArray<TypeDefinitionHandle> genericType, ImmutableArray<ImmutableArray<TypeDefinitionHandle>> typeArguments) =>
            genericType.AddRange(typeArguments.SelectMany(a => a));
        public ImmutableArray<TypeDefinitionHandle> GetGenericMethodParameter(object? genericContext, int index) => None;
        public ImmutableArray<TypeDefinitionHandle> GetGenericTypeParameter(object? genericContext, int index) => None;
        public ImmutableArray<TypeDefinitionHandle> GetFunctionPointerType(MethodSignature<ImmutableArray<TypeDefinitionHandle>> signature) =>
            signature.ReturnType.AddRange(signature.ParameterTypes.SelectMany(p => p));
        public ImmutableArray<TypeDefinitionHandle> GetModifiedType(ImmutableArray<TypeDefinitionHandle> modifier, ImmutableArray<TypeDefinitionHandle> unmodifiedType, bool isRequired) => unmodifiedType;
    }
}
