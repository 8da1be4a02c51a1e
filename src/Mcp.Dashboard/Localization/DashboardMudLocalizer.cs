using System.Globalization;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace Mcp.Dashboard.Localization;

/// <summary>
/// MudBlazor's own words (close buttons, clear buttons, the date picker's arrows, "Loading...",
/// the required-field message) in Chinese. MudBlazor keeps English itself and asks this only for
/// other languages; a key missing here falls back to its English, which is what we want for the
/// many components we do not use. MudBlazor's keys are identifiers, not English sentences, so
/// they live here rather than in a resx keyed by English.
/// </summary>
public sealed class DashboardMudLocalizer : MudLocalizer
{
    private static readonly Dictionary<string, string> Chinese = new(StringComparer.Ordinal)
    {
        ["MudAlert_Close"] = "关闭",
        ["MudChip_Close"] = "移除",
        ["MudDialog_Close"] = "关闭",
        ["MudSnackbar_Close"] = "关闭",
        ["MudInput_Clear"] = "清除",
        ["MudInput_Increment"] = "增加",
        ["MudInput_Decrement"] = "减少",
        ["MudFormComponent_Required"] = "必填",
        ["MudBaseDatePicker_Open"] = "打开日期选择器",
        ["MudBaseDatePicker_NextMonth"] = "下个月",
        ["MudBaseDatePicker_PrevMonth"] = "上个月",
        ["MudBaseDatePicker_NextYear"] = "下一年",
        ["MudBaseDatePicker_PrevYear"] = "上一年",
        ["MudTimePicker_Open"] = "打开时间选择器",
        ["MudBreadcrumbs_Label"] = "导航路径",
        ["MudNavGroup_ToggleExpand"] = "展开或收起",
        ["MudSelect_SelectAll"] = "全选",
        ["MudTable_Loading"] = "加载中…",
        ["MudTable_SelectAllRows"] = "选择所有行",
        ["MudTable_SelectRow"] = "选择此行",
        ["MudTablePager_FirstPage"] = "第一页",
        ["MudTablePager_PreviousPage"] = "上一页",
        ["MudTablePager_NextPage"] = "下一页",
        ["MudTablePager_LastPage"] = "最后一页",
        ["MudTabs_ScrollLeft"] = "向左滚动",
        ["MudTabs_ScrollRight"] = "向右滚动",
        ["MudTabs_ScrollUp"] = "向上滚动",
        ["MudTabs_ScrollDown"] = "向下滚动",
        ["MudPagination_FirstPage"] = "第一页",
        ["MudPagination_PreviousPage"] = "上一页",
        ["MudPagination_NextPage"] = "下一页",
        ["MudPagination_LastPage"] = "最后一页",
    };

    public override LocalizedString this[string key] =>
        DashboardCultures.IsChinese(CultureInfo.CurrentUICulture) && Chinese.TryGetValue(key, out var text)
            ? new LocalizedString(key, text)
            : new LocalizedString(key, key, resourceNotFound: true);

    public override LocalizedString this[string key, params object[] arguments]
    {
        get
        {
            var found = this[key];
            return found.ResourceNotFound ? found : new LocalizedString(key, string.Format(CultureInfo.CurrentCulture, found.Value, arguments));
        }
    }
}
