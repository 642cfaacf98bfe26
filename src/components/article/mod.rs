//! The article: header (breadcrumb, kicker with the live badge, title, standfirst, byline, dates), hero, body with
//! related links, a live article's entries, tags.

mod article_view;
mod body;
mod breadcrumb;
mod byline;
mod hero;
#[cfg(feature = "live-articles")]
mod live_article;
mod live_blog;
mod related;
mod tags;

pub use article_view::{ArticleView, ArticleViewProps};
pub use body::body;
pub use breadcrumb::breadcrumb;
pub use byline::byline;
pub use hero::hero_figure;
#[cfg(feature = "live-articles")]
pub use live_article::{LiveArticle, LiveArticleProps};
pub use live_blog::live_blog;
pub use related::related_block;
pub use tags::tag_list;
